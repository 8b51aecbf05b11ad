import Foundation
import SynqAPI
import SynqText

// libFuzzer target: the control-character sanitizer must leave no unsafe scalar behind,
// must leave safe text alone, and must be idempotent on its own output; excerpts stay short
// and clean; the redactor removes a key-shaped secret however the text around it looks.
//
// Input: byte 0 is the excerpt limit, the rest is the text. Its longest alphanumeric run
// (if 8 or more characters) doubles as the secret to redact.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSanitize(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Data(bytes: start, count: count)
    guard let first = bytes.first else { return 0 }
    let body = bytes.dropFirst()
    let text = String(decoding: body, as: UTF8.self)

    let cleaned = Sanitizer.clean(text)
    if cleaned.unicodeScalars.contains(where: Sanitizer.isUnsafe) { fatalError("unsafe scalar survived") }
    if Sanitizer.clean(cleaned) != cleaned { fatalError("not idempotent") }
    if !text.unicodeScalars.contains(where: Sanitizer.isUnsafe), cleaned != text { fatalError("safe text was changed") }
    let kept = String(String.UnicodeScalarView(text.unicodeScalars.filter { !Sanitizer.isUnsafe($0) }))
    if !cleaned.unicodeScalars.elementsEqual(kept.unicodeScalars) && !containsInOrder(cleaned, kept) {
        fatalError("a safe scalar was lost")
    }

    let limit = Int(first % 120) + 1
    let excerpt = Sanitizer.excerpt(Data(body), limit: limit)
    if excerpt.unicodeScalars.contains(where: Sanitizer.isUnsafe) { fatalError("unsafe scalar in an excerpt") }
    if excerpt.count > limit + 1 && excerpt != "(empty body)" { fatalError("excerpt longer than its limit") }

    let secret = longestAlphanumericRun(text)
    if secret.count >= 8 {
        let redacted = Redactor([Secret(secret)])(text)
        if redacted.contains(secret) { fatalError("secret survived redaction") }
    }
    return 0
}

/// Whether the scalars of `needle` appear in `haystack` in order (the escapes sit between them).
private func containsInOrder(_ haystack: String, _ needle: String) -> Bool {
    var iterator = haystack.unicodeScalars.makeIterator()
    outer: for scalar in needle.unicodeScalars {
        while let next = iterator.next() { if next == scalar { continue outer } }
        return false
    }
    return true
}

private func longestAlphanumericRun(_ text: String) -> String {
    var best = "", current = "", bestLength = 0, currentLength = 0
    for character in text {
        if character.isASCII && (character.isLetter || character.isNumber) {
            current.append(character)
            currentLength += 1
            if currentLength > bestLength { best = current; bestLength = currentLength }
        } else {
            current = ""
            currentLength = 0
        }
    }
    return best
}

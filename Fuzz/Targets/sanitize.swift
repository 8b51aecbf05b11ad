import Foundation

// libFuzzer target: the control-character sanitizer must leave no unsafe scalar behind,
// and must be idempotent on its own output.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSanitize(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let cleaned = Sanitizer.clean(text)
    if cleaned.unicodeScalars.contains(where: Sanitizer.isUnsafe) { fatalError("unsafe scalar survived") }
    if Sanitizer.clean(cleaned) != cleaned { fatalError("not idempotent") }
    _ = Sanitizer.excerpt(Data(bytes: start, count: count))
    return 0
}

import CYajl
import Foundation
@testable import SynqAPI
@testable import SynqOutput
import SynqText

// libFuzzer target: every API response type, decoded and interpreted the way the clients
// do it, must produce a value or a typed APIError — never trap — and whatever comes out
// must survive what the program does next with it: printing the error, re-encoding the
// value for `--json`, reading the rate-limit headers.
//
// Input: byte 0 picks the HTTP status; if byte 1 is odd, the bytes up to the first blank
// line ("\n\n") after it are headers ("Name: value" per line) and the rest is the body;
// otherwise fixed rate-limit headers are used and everything after byte 1 is the body.

private let secret = "fuzz-secret-key"
private let redactor = Redactor([Secret(secret)])
private let enterprise = ResponseInterpreter(service: .enterprise, redact: redactor)
private let synvo = ResponseInterpreter(service: .synvo, redact: redactor)
private let statuses = [200, 201, 204, 299, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 0, 100, 302, 599, 999, -1]
private let fixedHeaders = ["X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "7", "X-RateLimit-Reset": "1642694400"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Data(bytes: start, count: count)
    guard bytes.count >= 2 else { return 0 }
    let response = makeResponse(bytes)

    check(enterprise, SynchronizerList.self, response)
    checkStreamedList(response, chunk: Int(bytes[bytes.startIndex + 1] >> 1) + 1)
    check(enterprise, SynchronizerResult.self, response)
    check(enterprise, PreferencesResponse.self, response)
    check(synvo, SynvoKeyList.self, response)
    if let created = check(synvo, CreatedSynvoKey.self, response) { checkSecretHidden(created) }

    // The error bodies, through the interpreter (as both APIs) and as their Codable types.
    checkDescription(enterprise.error(for: response))
    checkDescription(synvo.error(for: response))
    _ = try? JSONCoding.decoder().decode(EnterpriseErrorBody.self, from: response.body)
    _ = try? JSONCoding.decoder().decode(SynvoErrorBody.self, from: response.body)

    // The rate-limit headers, as every Synvo result carries them and `--json` prints them.
    if let limit = RateLimit(headers: response.headers) {
        encode(limit)
        checkDescription(.rateLimited(.synvo, resetAt: limit.reset, rateLimit: limit))
    }

    // Dates: whatever the parser accepts, the formatter must print.
    let text = String(decoding: response.body.prefix(64), as: UTF8.self)
    if let date = JSONCoding.parseDate(text) { _ = JSONCoding.formatDate(date) }
    return 0
}

private func makeResponse(_ bytes: Data) -> HTTPResponse {
    let status = statuses[Int(bytes[bytes.startIndex]) % statuses.count]
    let rest = bytes.dropFirst(2)
    guard bytes[bytes.startIndex + 1] & 1 == 1, let blank = rest.firstRange(of: Data("\n\n".utf8)) else {
        return HTTPResponse(status: status, headers: fixedHeaders, body: Data(rest))
    }
    var headers: [String: String] = [:]
    for line in String(decoding: rest[..<blank.lowerBound], as: UTF8.self).split(separator: "\n") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        headers[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
    }
    return HTTPResponse(status: status, headers: headers, body: Data(rest[blank.upperBound...]))
}

/// Decodes like the client; a value is re-encoded (plain and pretty, as `--json` does), an
/// error is described.
@discardableResult
private func check<T: Codable>(_ interpreter: ResponseInterpreter, _ type: T.Type, _ response: HTTPResponse) -> T? {
    do {
        let value = try interpreter.decode(type, from: response)
        encode(value)
        _ = String(describing: value)
        return value
    } catch {
        checkDescription(error)
        return nil
    }
}

/// The list as the client reads it (yajl, streaming, in `chunk`-byte pieces) against the
/// Decodable list: the same rows and `skipped`, or both unreadable; every row's fields read back.
private func checkStreamedList(_ response: HTTPResponse, chunk: Int) {
    let reference = try? enterprise.decode(SynchronizerList.self, from: response)
    let parser = SynchronizerListParser()
    var streamed: SynchronizerList?
    do {
        var offset = 0
        while offset < response.body.count {
            let end = min(offset + chunk, response.body.count)
            try response.body[offset..<end].withUnsafeBytes { try parser.consume($0) }
            offset = end
        }
        let outcome = try parser.finish()
        streamed = SynchronizerList(success: outcome.success, fleet: outcome.fleet, skipped: outcome.skipped)
    } catch {
        streamed = nil
    }
    // The list is read only when the body is JSON (RFC 8259, UTF-8), strictly: what is not
    // is refused whole (see SynchronizerListParser). Foundation is the reference for the rows
    // but not for strictness: its JSONSerialization and JSONDecoder also take a trailing
    // comma (`{"id":"b",}`, found here at run 860,577), so "is JSON" is Foundation's parse
    // *and* yajl's own validating mode. Three documented exceptions are per row, not per
    // body, all about what is inside a string: bad UTF-8, a raw control byte (JSONDecoder,
    // reading strings lazily, skips that row; yajl reads it or refuses the body), and a
    // UTF-16 surrogate escape without its pair (`\uD800`: Foundation refuses the body, yajl
    // reads a lone high surrogate as `?` and a lone low one as bytes that are not UTF-8,
    // which skip the row when they are in a field).
    guard (200..<300).contains(response.status) else { return inspect(streamed) }
    let perRowExceptions = response.body.contains(where: { $0 < 0x20 }) || String(data: response.body, encoding: .utf8) == nil
        || hasSurrogateEscape(response.body)
    let foundationReads = (try? JSONSerialization.jsonObject(with: response.body, options: .fragmentsAllowed)) != nil
    if !perRowExceptions, foundationReads, isStrictJSON(response.body) {
        // JSON both ways: the two must read exactly the same rows.
        if streamed != reference { fatalError("the streamed list differs from the Decodable list") }
        let viaClient = try? enterprise.synchronizerList(from: response)
        if viaClient != reference { fatalError("the client's list differs from the Decodable list") }
    }
    if !perRowExceptions, !foundationReads, streamed != nil {
        fatalError("a body Foundation refuses as not JSON was read as a list")
    }
    inspect(streamed)
}

/// Every row of a list that was read, read back field by field, encoded, and written as
/// `synchronizers list --json` writes it.
private func inspect(_ streamed: SynchronizerList?) {
    if let list = streamed {
        for row in list.fleet.indices {
            let synchronizer = list.fleet[row]
            _ = (synchronizer.id, synchronizer.key, synchronizer.name, Sanitizer.clean(synchronizer.name))
        }
        encode(streamed)
        checkListJSON(list)
    }
}

/// The `--json` shape as the encoder wrote it before `FleetJSON`: the reference.
private struct ListReference: Encodable {
    var synchronizers: [SynchronizerJSON]
    var skipped: Int
}

/// `FleetJSON` (straight from the fleet's arena) must write exactly the bytes the encoder
/// writes for the same list, made terminal-safe, compact and indented; and a state filter's
/// rows exactly the filtered list's.
private func checkListJSON(_ list: SynchronizerList) {
    let fleet = list.fleet
    let enabledRows = fleet.indices.filter { fleet.isEnabled(at: $0) == true }
    for (rows, pretty) in [(Array(fleet.indices), false), (Array(fleet.indices), true), (enabledRows, false)] {
        var written = CollectedOutput()
        FleetJSON.write(fleet, rows: rows, skipped: list.skipped, pretty: pretty, to: &written)
        let reference = ListReference(synchronizers: rows.map { SynchronizerJSON(synchronizer: fleet[$0]) }, skipped: list.skipped)
        guard var expected = try? JSONCoding.encoder(pretty: pretty).encode(reference) else { fatalError("the reference list failed to encode") }
        expected.append(0x0A)
        if written.bytes != [UInt8](TerminalSafeBytes.escaped(expected)) {
            fatalError("FleetJSON differs from the encoder (pretty: \(pretty)): \(written.text.debugDescription) vs \(String(decoding: expected, as: UTF8.self).debugDescription)")
        }
    }
}

/// `\uD800`–`\uDFFF` anywhere (upper or lower case): half of a UTF-16 surrogate pair.
private func hasSurrogateEscape(_ body: Data) -> Bool {
    let bytes = [UInt8](body)
    guard bytes.count >= 4 else { return false }
    for index in 0..<(bytes.count - 3) where bytes[index] == UInt8(ascii: "\\") && bytes[index + 1] | 0x20 == UInt8(ascii: "u")
        && bytes[index + 2] | 0x20 == UInt8(ascii: "d") {
        if "89abcdef".utf8.contains(bytes[index + 3] | 0x20) { return true }
    }
    return false
}

/// Strict JSON: one document, as yajl reads it with every check on (UTF-8 validated, no
/// comments, nothing after the document, no trailing commas).
private func isStrictJSON(_ body: Data) -> Bool {
    guard let handle = yajl_alloc(nil, nil, nil) else { return false }
    defer { yajl_free(handle) }
    let status = body.withUnsafeBytes { bytes in
        yajl_parse(handle, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count)
    }
    return status == yajl_status_ok && yajl_complete_parse(handle) == yajl_status_ok
}

private func encode<T: Encodable>(_ value: T) {
    do {
        _ = try JSONCoding.encoder().encode(value)
        _ = try JSONCoding.encoder(pretty: true).encode(value)
    } catch {
        fatalError("a decoded value failed to encode: \(error)")
    }
}

/// Error descriptions are shown on one terminal line: no secret, no control character.
private func checkDescription(_ error: APIError) {
    let text = error.description
    if text.contains(secret) { fatalError("secret leaked into an error description") }
    if text.unicodeScalars.contains(where: Sanitizer.isUnsafe) { fatalError("control character in an error description") }
    _ = error.service
}

/// A created key's plaintext is only reachable through `reveal()`: never in a description or dump.
/// (Compared with the same texts for a stand-in key, so a key like "keyID: " is not a false alarm.)
private func checkSecretHidden(_ created: CreatedSynvoKey) {
    let key = created.apiKey.reveal()
    guard key.count >= 4 else { return }
    let standIn = CreatedSynvoKey(success: created.success, keyID: created.keyID, apiKey: Secret("\u{1}"))
    for (text, control) in zip(renderings(created), renderings(standIn)) where text.contains(key) && !control.contains(key) {
        fatalError("the created key's plaintext appears in its description: \(text)")
    }
}

private func renderings(_ created: CreatedSynvoKey) -> [String] {
    var dumped = ""
    dump(created, to: &dumped)
    return [String(describing: created), String(reflecting: created), dumped, "\(created.apiKey)", created.apiKey.masked]
}

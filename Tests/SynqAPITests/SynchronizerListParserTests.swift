import Foundation
@testable import SynqAPI
import Testing

/// The streaming list parser reads exactly what the `Decodable` list reads (the reference:
/// `JSONDecoder` with the lossy array), in any chunking, and never fails on one bad row.
@Suite struct SynchronizerListParserTests {
    /// The reference reading: the Decodable `SynchronizerList`, or nil when it fails.
    static func reference(_ body: Data) -> SynchronizerList? {
        try? JSONCoding.decoder().decode(SynchronizerList.self, from: body)
    }

    static func streamed(_ body: Data, piece: Int) -> SynchronizerList? {
        let parser = SynchronizerListParser()
        var offset = 0
        do {
            while offset < body.count {
                let end = min(offset + piece, body.count)
                try body[offset..<end].withUnsafeBytes { try parser.consume($0) }
                offset = end
            }
            let outcome = try parser.finish()
            return SynchronizerList(success: outcome.success, fleet: outcome.fleet, skipped: outcome.skipped)
        } catch {
            return nil
        }
    }

    static let cases: [String] = [
        SeedSampleTests.listSample,
        #"{"success":true,"synchronizers":[]}"#,
        #"{"synchronizers":[{"id":"a","key":"k","name":"n"}]}"#,
        #"{"success":false,"synchronizers":[{"id":"a","key":"k","name":"n","isEnabled":null,"createdAt":null}]}"#,
        // Lossy rows: a number id, an offset date (Foundation fallback), null, an array, a string, a number.
        #"{"success":true,"synchronizers":[{"id":1},{"id":"a","key":"b","name":"c","createdAt":"2024-01-15T12:30:00+02:00"},null,[],"x",3,true]}"#,
        // Wrong types in each field, nested values where strings belong, unknown fields of every kind.
        #"{"synchronizers":[{"id":"1","key":"k","name":{"a":1}},{"id":"2","key":["k"],"name":"n"},{"id":"3","key":"k","name":"n","isEnabled":"yes"},{"id":"4","key":"k","name":"n","createdAt":"yesterday"},{"id":"5","key":"k","name":"n","extra":{"deep":[1,{"x":[]}]},"n":-1.5e300,"z":null},{"id":"6","key":"k","name":"n","isEnabled":1}]}"#,
        // Escapes, control characters and non-ASCII text stay exactly as sent.
        #"{"synchronizers":[{"id":"e\u001b[2J","key":"k\"\\\/","name":"東京 \ud83d\ude00 \u202e evil\n"}],"more":{"synchronizers":5}}"#,
        // Fractional seconds, a lower-case z, an unknown root key before the list.
        #"{"meta":[1,2,{"a":"b"}],"synchronizers":[{"id":"a","key":"k","name":"n","createdAt":"2024-01-15T10:30:00.123z"}],"success":true}"#,
        // Whole-list failures: not an object, no list, list of the wrong type, success not a boolean,
        // cut short, garbage after the end, empty.
        #"[{"id":"a","key":"k","name":"n"}]"#,
        #"{"success":true}"#,
        #"{"success":true,"synchronizers":{"id":"a"}}"#,
        #"{"success":true,"synchronizers":null}"#,
        #"{"success":"yes","synchronizers":[]}"#,
        #"{"success":true,"synchronizers":[{"id":"a","key":"k","name":"n"}"#,
        #"{"success":true,"synchronizers":[]} trailing"#,
        "",
        "null",
        #""just a string""#,
    ]

    @Test(arguments: cases)
    func readsWhatTheDecodableListReads(body: String) {
        let data = Data(body.utf8)
        let expected = Self.reference(data)
        for piece in [1, 3, 7, 65_536] {
            let got = Self.streamed(data, piece: piece)
            #expect(got == expected, "piece \(piece): \(body)")
        }
    }

    @Test func invalidUTF8InOneNameSkipsThatRowOnly() throws {
        var body = Data(#"{"success":true,"synchronizers":[{"id":"ok","key":"k","name":"fine"},{"id":"bad","key":"k","name":"X "#.utf8)
        body.append(contentsOf: [0x9B, 0x32, 0x4A, 0xFF, 0xFE, 0xC0, 0xAF, 0xED, 0xA0, 0x80])
        body.append(contentsOf: Array(#" end","isEnabled":true},{"id":"also ok","key":"k","name":"ü"}]}"#.utf8))
        let outcome = try SynchronizerListParser.parse(body)
        #expect(outcome.fleet.map(\.id) == ["ok", "also ok"])
        #expect(outcome.skipped == 1)
        #expect(Self.reference(body) == SynchronizerList(fleet: outcome.fleet, skipped: 1), "the same as JSONDecoder")
    }

    /// UTF-8 is checked eight bytes at a time with the rest one by one: a bad byte at any
    /// offset of any field we read (or of a key we do not) costs its row, and a valid
    /// two-byte character anywhere costs nothing, as with `JSONDecoder`.
    @Test func aBadByteAnywhereInAFieldSkipsItsRowOnly() throws {
        func row(_ field: String, _ value: [UInt8]) -> [UInt8] {
            var fields = ["id": Array("i".utf8), "key": Array("k".utf8), "name": Array("n".utf8)]
            var extra: [UInt8] = []
            if fields[field] != nil { fields[field] = value } else { extra = Array(#","#.utf8) + [0x22] + value + Array(#"":1"#.utf8) }
            return Array(#"{"id":""#.utf8) + fields["id"]! + Array(#"","key":""#.utf8) + fields["key"]!
                + Array(#"","name":""#.utf8) + fields["name"]! + [0x22] + extra + Array("}".utf8)
        }
        for field in ["id", "key", "name", "unknown-key"] {
            for length in 1...17 {
                for offset in 0..<length {
                    var bad = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bad[offset] = 0xFF
                    var good = [UInt8](repeating: UInt8(ascii: "a"), count: length + 1)
                    good[offset] = 0xC3
                    good[offset + 1] = 0xA9
                    let body = Data(Array(#"{"synchronizers":["#.utf8) + row(field, bad) + Array(",".utf8) + row(field, good) + Array("]}".utf8))
                    let outcome = try SynchronizerListParser.parse(body)
                    #expect(outcome.skipped == 1 && outcome.fleet.count == 1, "\(field), \(length) bytes, bad byte at \(offset)")
                    #expect(Self.reference(body) == SynchronizerList(fleet: outcome.fleet, skipped: 1), "\(field), \(length), \(offset)")
                }
            }
        }
    }

    @Test func invalidUTF8OutsideStringsFailsTheList() {
        let body = Data([0x9B, 0x32, 0x4A, 0xFF, 0xFE] + Array(#"{"success":true,"synchronizers":[]}"#.utf8))
        #expect(throws: SynchronizerListError.self) { try SynchronizerListParser.parse(body) }
    }

    /// Found by the decode fuzz target: an escape JSON does not have makes the body not JSON.
    /// `JSONDecoder` skips the row (it reads escapes lazily); the stream cannot know where
    /// such a row ends and refuses the list, with the same error as any other non-JSON body.
    @Test func anEscapeJSONDoesNotHaveFailsTheList() {
        let body = Data(#"{"success":true,"synchronizers":[{"id":1},{"id":"a","key":"b","nam\e":"c"},null,[]]}"#.utf8)
        #expect(throws: SynchronizerListError.malformed("not JSON")) { try SynchronizerListParser.parse(body) }
        #expect((try? JSONSerialization.jsonObject(with: body)) == nil, "the body is not JSON")
    }

    /// Found by the decode fuzz target at run 860,577: Foundation's parsers take a trailing
    /// comma (and `JSONDecoder` then skips the row); JSON has none, and the list is read only
    /// when it is JSON: the body is refused whole, as any other body that is not JSON.
    @Test func aTrailingCommaFailsTheList() throws {
        let body = Data(#"{"success":true,"synchronizers":[{"id":"a","key":"k","name":"n"},{"id":"b","name":"x",}]}"#.utf8)
        #expect(throws: SynchronizerListError.malformed("not JSON")) { try SynchronizerListParser.parse(body) }
        let arrayComma = Data(#"{"synchronizers":[{"id":"a","key":"k","name":"n"},]}"#.utf8)
        #expect(throws: SynchronizerListError.malformed("not JSON")) { try SynchronizerListParser.parse(arrayComma) }
    }

    /// Found by the decode fuzz target: Foundation refuses a whole body holding a number
    /// beyond a Double, or more than 512 nested arrays and objects; so does the parser.
    @Test func bodiesFoundationRefusesAreRefused() throws {
        let row = #"{"id":"a","key":"k","name":"n"}"#
        for number in ["1e309", "-1E400", "402e741", String(repeating: "9", count: 310)] {
            let body = Data(#"{"synchronizers":[\#(row),\#(number)]}"#.utf8)
            #expect((try? JSONSerialization.jsonObject(with: body)) == nil, "\(number)")
            #expect(throws: SynchronizerListError.malformed("a number too large for a Double")) { try SynchronizerListParser.parse(body) }
        }
        for number in ["1e-400", "1.7976931348623157e308", "123456789012345678901234567890", "-0"] {
            let body = Data(#"{"synchronizers":[\#(row),\#(number)]}"#.utf8)
            #expect(try SynchronizerListParser.parse(body).skipped == 1, "\(number)")
            #expect(try SynchronizerListParser.parse(body).fleet == Self.reference(body)?.fleet, "\(number)")
        }
        func nested(_ arrays: Int) -> Data {
            Data(#"{"synchronizers":[\#(row),\#(String(repeating: "[", count: arrays))\#(String(repeating: "]", count: arrays))]}"#.utf8)
        }
        // The root object and the list are two levels: 510 arrays more make 512.
        #expect(try SynchronizerListParser.parse(nested(510)).fleet.count == 1)
        #expect((try? JSONSerialization.jsonObject(with: nested(510))) != nil)
        #expect((try? JSONSerialization.jsonObject(with: nested(511))) == nil)
        #expect(throws: SynchronizerListError.malformed("nested more than 512 deep")) { try SynchronizerListParser.parse(nested(511)) }
    }

    /// Found by the decode fuzz target: yajl takes a string left open after the document
    /// (`{…}"`) as a token still arriving and accepts the body; nothing but whitespace may
    /// follow the document, in the same chunk or a later one.
    @Test func anythingButWhitespaceAfterTheDocumentFailsTheList() throws {
        let list = #"{"synchronizers":[{"id":"a","key":"k","name":"n"}]}"#
        for tail in ["\"", "\"}", " x", "{}", "\n\"abc"] {
            let body = Data((list + tail).utf8)
            #expect((try? JSONSerialization.jsonObject(with: body)) == nil, "\(tail)")
            for piece in [1, 7, 4096] {
                #expect(Self.streamed(body, piece: piece) == nil, "\(tail) in \(piece)-byte pieces")
            }
        }
        #expect(Self.streamed(Data((list + " \n\t ").utf8), piece: 3)?.fleet.count == 1, "whitespace after the document is JSON")
    }

    @Test func aLargeGeneratedListMatchesTheReferenceRowForRow() throws {
        var rows: [String] = []
        for index in 0..<5_000 {
            switch index % 50 {
            case 7: rows.append(#"{"id":\#(index)}"#)
            case 13: rows.append(#"{"id":"s\#(index)","key":"k","name":"bad date","createdAt":"2024-13-01T00:00:00Z"}"#)
            default:
                rows.append(#"{"createdAt":"2024-01-15T10:30:\#(String(format: "%02d", index % 60))Z","id":"s\#(index)","isEnabled":\#(index % 3 == 0),"key":"key-\#(index)","name":"node-\#(index) ✓"}"#)
            }
        }
        let body = Data(("{\"success\":true,\"synchronizers\":[" + rows.joined(separator: ",") + "]}").utf8)
        let parsed = try SynchronizerListParser.parse(body)
        let expected = try #require(Self.reference(body))
        #expect(parsed.skipped == 200)
        #expect(parsed.fleet == expected.fleet)
        #expect(Array(parsed.fleet) == expected.synchronizers)
    }

    @Test func theClientReadsTheListThroughTheParser() throws {
        let interpreter = ResponseInterpreter(service: .enterprise, redact: Redactor([]))
        let good = HTTPResponse(status: 200, headers: [:], body: Data(SeedSampleTests.listSample.utf8))
        #expect(try interpreter.synchronizerList(from: good).synchronizers.map(\.name) == ["Production Server 1", "Staging Server"])
        let bad = HTTPResponse(status: 200, headers: [:], body: Data("<html>oops</html>".utf8))
        #expect(throws: APIError.undecodable(.enterprise, status: 200, excerpt: "<html>oops</html>")) {
            try interpreter.synchronizerList(from: bad)
        }
    }
}

import Foundation
import TOMLKit

/// The one way synq reads and writes TOML (themes and config.toml). Every parse runs the
/// checks that keep toml++ (the C++ parser under TOMLKit) from asserting — a NUL byte, which
/// would silently end the C string TOMLKit hands over, and `TOMLPrecheck`'s list of inputs
/// toml++ aborts on — then TOMLKit. Malformed text is a `TOMLSyntaxError`, never a crash.
public enum TOMLText {
    /// The document as a tree of plain values (the top level is always a table).
    public static func parse(_ text: String) throws(TOMLSyntaxError) -> [String: TOMLNode] {
        let table = try parseTable(text)
        return node(table).table ?? [:]
    }

    /// The document decoded into `type`: throws `TOMLSyntaxError` for malformed text and
    /// `DecodingError` for a well-formed document of the wrong shape.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        let table = try parseTable(text)
        return try TOMLDecoder().decode(type, from: table)
    }

    /// `value` as a TOML document.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        try TOMLEncoder().encode(value)
    }

    /// `key` as a TOML quoted key (a basic string), usable in a `[table."key"]` header
    /// whatever characters it holds.
    public static func quotedKey(_ key: String) -> String {
        var quoted = "\""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\u{00}"..."\u{1F}", "\u{7F}":
                quoted += "\\u" + String(format: "%04X", scalar.value)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    private static func parseTable(_ text: String) throws(TOMLSyntaxError) -> TOMLTable {
        if let problem = nulProblem(text) ?? TOMLPrecheck.firstProblem(in: text) {
            throw TOMLSyntaxError(line: problem.line, column: problem.column, message: problem.message)
        }
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw TOMLSyntaxError(line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        } catch {
            throw TOMLSyntaxError(line: 0, column: 0, message: "not a TOML document")
        }
    }

    /// TOML forbids NUL anywhere, and TOMLKit would stop reading at the first one.
    static func nulProblem(_ text: String) -> TOMLPrecheck.Problem? {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\0" { return TOMLPrecheck.Problem(line: line, column: column, message: "a NUL character is not allowed in TOML") }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }

    private static func node(_ value: any TOMLValueConvertible) -> TOMLNode {
        switch value.type {
        case .table:
            guard let table = value.table else { return .table([:]) }
            var children: [String: TOMLNode] = [:]
            for key in table.keys {
                if let child = table[key] { children[key] = node(child) }
            }
            return .table(children)
        case .array:
            return .array(value.array.map { $0.map(node) } ?? [])
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .float(value.double ?? 0)
        case .bool: return .boolean(value.bool ?? false)
        case .date, .time, .dateTime: return .dateTime(String(describing: value))
        }
    }
}

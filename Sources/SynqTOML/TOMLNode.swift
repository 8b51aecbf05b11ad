/// A parsed TOML value as plain Swift data, so readers such as the theme parser walk a
/// `Sendable` tree instead of TOMLKit's C++-backed objects.
public indirect enum TOMLNode: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// A date, time or date-time, as TOML wrote it.
    case dateTime(String)
    case array([TOMLNode])
    case table([String: TOMLNode])

    public var string: String? {
        if case .string(let value) = self { value } else { nil }
    }

    public var integer: Int? {
        if case .integer(let value) = self { value } else { nil }
    }

    public var array: [TOMLNode]? {
        if case .array(let value) = self { value } else { nil }
    }

    public var table: [String: TOMLNode]? {
        if case .table(let value) = self { value } else { nil }
    }
}

extension TOMLNode: CustomStringConvertible {
    /// The value roughly as TOML writes it, for error messages.
    public var description: String {
        switch self {
        case .string(let value): "\"\(value)\""
        case .integer(let value): String(value)
        case .float(let value): String(value)
        case .boolean(let value): String(value)
        case .dateTime(let value): value
        case .array(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .table(let values): "{ " + values.keys.sorted().map { "\($0) = \(values[$0]!.description)" }.joined(separator: ", ") + " }"
        }
    }
}

/// Why a text is not a TOML document: where (1-based line and column) and what. The message
/// may quote the text, so callers that print it pass it through their sanitizer.
public struct TOMLSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `3:5: expected a value or ] in the array, found }`
    public var description: String { "\(line):\(column): \(message)" }
}

import Foundation

/// The JSON coders both APIs use: ISO 8601 dates, with or without fractional seconds.
public enum JSONCoding {
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = parseDate(text) { return date }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date")
        }
        return decoder
    }

    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(formatDate(date))
        }
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func parseDate(_ text: String) -> Date? {
        switch InternetDate.read(text) {
        case .date(let date): return date
        case .impossible: return nil
        case .otherForm: break
        }
        // Foundation rolls a 30 February over into March: refuse such fields first.
        if InternetDate.hasImpossibleFields(text) { return nil }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// `parseDate` of UTF-8 bytes: the common exact form without making a string.
    public static func parseDate(utf8 bytes: UnsafeRawBufferPointer) -> Date? {
        switch InternetDate.read(utf8: bytes) {
        case .date(let date): return date
        case .impossible: return nil
        case .otherForm: return parseDate(String(decoding: bytes, as: UTF8.self))
        }
    }

    public static func formatDate(_ date: Date) -> String {
        InternetDate.format(date)
    }
}

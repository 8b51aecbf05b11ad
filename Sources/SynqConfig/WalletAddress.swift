import Foundation

/// An EVM wallet address: `0x` followed by exactly 40 hex digits.
public enum WalletAddress {
    public static func isValid(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        guard utf8.count == 42, utf8[0] == UInt8(ascii: "0"), utf8[1] == UInt8(ascii: "x") || utf8[1] == UInt8(ascii: "X") else { return false }
        return utf8[2...].allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }
    }

    /// `0x1234…abcd`: enough to recognise an address in a message.
    public static func short(_ text: String) -> String {
        guard text.count > 12 else { return text }
        return text.prefix(6) + "…" + text.suffix(4)
    }
}

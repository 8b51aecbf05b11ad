import SynqConfig
import Testing

@Suite("Wallet addresses")
struct WalletAddressTests {
    @Test("0x plus exactly 40 hex digits is valid", arguments: [
        "0x1234567890abcdef1234567890ABCDEF12345678",
        "0x0000000000000000000000000000000000000000",
    ])
    func valid(_ text: String) {
        #expect(WalletAddress.isValid(text))
    }

    @Test("anything else is refused", arguments: [
        "", "0x", "1234567890abcdef1234567890abcdef12345678", "0x1234...abcd",
        "0x1234567890abcdef1234567890abcdef1234567", "0x1234567890abcdef1234567890abcdef123456789",
        "0x1234567890abcdef1234567890abcdef1234567g", " 0x1234567890abcdef1234567890abcdef12345678",
    ])
    func invalid(_ text: String) {
        #expect(!WalletAddress.isValid(text))
    }
}

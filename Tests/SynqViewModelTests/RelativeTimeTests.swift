import Foundation
import Testing
@testable import SynqViewModel

@Suite struct RelativeTimeTests {
    static let cases: [(Double, String)] = [
        (0, "just now"), (4, "just now"), (42, "42s ago"), (60, "1m ago"), (3599, "59m ago"),
        (3600, "1h ago"), (259_200, "3d ago"), (7_776_000, "3mo ago"), (69_120_000, "2y ago"),
        (-30, "just now"),
    ]

    @Test(arguments: cases)
    func ago(seconds: Double, expected: String) {
        #expect(RelativeTime.ago(at(-seconds), now: t0) == expected)
    }

    @Test func neverForNil() {
        #expect(RelativeTime.ago(nil, now: t0) == "never")
    }

    @Test func durations() {
        #expect(RelativeTime.duration(42) == "42s")
        #expect(RelativeTime.duration(185) == "3m 05s")
        #expect(RelativeTime.duration(7800) == "2h 10m")
        #expect(RelativeTime.duration(-3) == "0s")
    }
}

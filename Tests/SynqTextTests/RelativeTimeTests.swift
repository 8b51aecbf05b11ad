import Foundation
import Testing
import SynqText

@Suite struct RelativeTimeTests {
    static let t0 = Date(timeIntervalSince1970: 1_700_000_000)
    static func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }

    static let cases: [(Double, String)] = [
        (0, "just now"), (4, "just now"), (42, "42s ago"), (60, "1m ago"), (3599, "59m ago"),
        (3600, "1h ago"), (259_200, "3d ago"), (7_776_000, "3mo ago"), (69_120_000, "2y ago"),
        (-30, "just now"),
        // The boundaries of each unit, the same for the TUI and the headless tables.
        (5, "5s ago"), (59, "59s ago"), (86_399, "23h ago"), (86_400, "1d ago"), (5_183_999, "59d ago"),
        (5_184_000, "2mo ago"), (31_449_600, "12mo ago"), (31_536_000, "1y ago"), (-60, "just now"),
        (-61, "in the future"),
    ]

    @Test(arguments: cases)
    func ago(seconds: Double, expected: String) {
        #expect(RelativeTime.ago(Self.at(-seconds), now: Self.t0) == expected)
    }

    @Test func neverForNil() {
        #expect(RelativeTime.ago(nil, now: Self.t0) == "never")
    }

    @Test func durations() {
        #expect(RelativeTime.duration(42) == "42s")
        #expect(RelativeTime.duration(185) == "3m 05s")
        #expect(RelativeTime.duration(7800) == "2h 10m")
        #expect(RelativeTime.duration(-3) == "0s")
    }

    @Test func nextChangeIsWhenTheTextReadsDifferently() {
        let t0 = Self.t0
        #expect(RelativeTime.nextChange(of: t0, now: Self.at(0)) == Self.at(5), "just now until 5 s")
        #expect(RelativeTime.nextChange(of: t0, now: Self.at(42.3)) == Self.at(43))
        #expect(RelativeTime.nextChange(of: t0, now: Self.at(61)) == Self.at(120))
        #expect(RelativeTime.nextChange(of: t0, now: Self.at(3700)) == Self.at(7200))
        for seconds in stride(from: 0.0, to: 5000, by: 7.3) {
            let now = Self.at(seconds)
            let next = RelativeTime.nextChange(of: t0, now: now)
            #expect(RelativeTime.ago(t0, now: next) != RelativeTime.ago(t0, now: now), "at \(seconds)")
            #expect(RelativeTime.ago(t0, now: next.addingTimeInterval(-0.01)) == RelativeTime.ago(t0, now: now), "not before, at \(seconds)")
        }
    }
}

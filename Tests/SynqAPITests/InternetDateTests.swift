import Foundation
@testable import SynqAPI
import Testing

/// The fast date path must agree with Foundation's ISO 8601 parser and formatter.
@Suite struct InternetDateTests {
    @Test(arguments: ["2024-01-15T10:30:00Z", "1970-01-01T00:00:00Z", "2000-02-29T23:59:59Z", "2099-12-31T00:00:01Z", "1969-07-20T20:17:40Z"])
    func agreesWithFoundation(text: String) throws {
        let fast = try #require(InternetDate.parse(text))
        let foundation = try Date(text, strategy: Date.ISO8601FormatStyle())
        #expect(fast == foundation)
        #expect(InternetDate.format(fast) == text)
    }

    @Test func readsFractionalSeconds() throws {
        let date = try #require(InternetDate.parse("2024-01-16T14:22:00.250Z"))
        #expect(abs(date.timeIntervalSince1970 - 1_705_414_920.25) < 0.0001)
    }

    @Test(arguments: ["", "2024-01-15", "2024-13-01T00:00:00Z", "2024-01-15T10:30:00+02:00", "2024-01-15T10:30:00", "abcd-01-15T10:30:00Z", "2024-01-15T10:30:00.Z"])
    func rejectsOtherForms(text: String) {
        #expect(InternetDate.parse(text) == nil)
    }

    @Test func offsetsStillDecodeThroughTheFallback() throws {
        let date = try #require(JSONCoding.parseDate("2024-01-15T12:30:00+02:00"))
        #expect(InternetDate.format(date) == "2024-01-15T10:30:00Z")
    }

    @Test func formatsLikeFoundationAcrossCenturies() {
        for seconds in stride(from: -2_000_000_000.0, through: 30_000_000_000.0, by: 7_777_777.7) {
            let date = Date(timeIntervalSince1970: seconds)
            let whole = Date(timeIntervalSince1970: seconds.rounded(.down))
            #expect(InternetDate.format(date) == whole.formatted(Date.ISO8601FormatStyle()), "\(seconds)")
        }
    }

    @Test func everyDayOfFourHundredYearsRoundTrips() {
        for days in stride(from: -200_000, through: 200_000, by: 97) {
            let (y, m, d) = InternetDate.civilFromDays(days)
            #expect(InternetDate.daysFromCivil(year: y, month: m, day: d) == days)
        }
    }
}

import Foundation
@testable import SynqAPI
import SynqSandbox
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

    @Test(arguments: ["2023-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2023-04-31T00:00:00Z",
                      "2023-00-10T00:00:00Z", "2023-01-00T00:00:00Z", "2023-01-01T00:00:60Z", "2023-01-01T24:00:00Z",
                      "2023-01-01T00:60:00Z", "2023-02-30T12:30:00+02:00", "2023-02-30T00:00:00.5Z"])
    func refusesDatesThatCannotExistInsteadOfRollingThemOver(text: String) {
        #expect(InternetDate.parse(text) == nil)
        #expect(JSONCoding.parseDate(text) == nil, "Foundation alone would roll \(text) over into another day")
    }

    @Test func acceptsTheLeapDaysThatExist() throws {
        for text in ["2024-02-29T00:00:00Z", "2000-02-29T12:00:00Z", "1600-02-29T23:59:59Z"] {
            #expect(InternetDate.parse(text) == (try Date(text, strategy: Date.ISO8601FormatStyle())))
        }
    }

    /// ISO 8601 and the fast path are proleptic Gregorian; Foundation's calendar is Julian
    /// before 15 October 1582, so the comparisons with Foundation start in 1583.
    @Test func yearOneIsProlepticGregorian() {
        #expect(InternetDate.parse("0001-01-01T00:00:00Z") == Date(timeIntervalSince1970: -62_135_596_800))
        #expect(InternetDate.parse("1582-10-10T00:00:00Z") == Date(timeIntervalSince1970: -12_219_724_800))
    }

    /// Property: for random instants from 1583 to 9999, with and without milliseconds, the
    /// fast path reads Foundation's own text to Foundation's date, and writes it back the same.
    @Test func randomDatesAgreeWithFoundation() throws {
        var random = SeededGenerator(seed: 0x5EED_DA7E)
        let earliest: Int64 = -12_212_553_600, latest: Int64 = 253_402_300_799
        for _ in 0..<20_000 {
            let seconds = earliest + Int64(random.next() % UInt64(latest - earliest))
            let millis = random.next() % 2 == 0 ? 0 : Int64(random.next() % 1000)
            let date = Date(timeIntervalSince1970: Double(seconds) + Double(millis) / 1000)
            let style = Date.ISO8601FormatStyle(includingFractionalSeconds: millis != 0)
            let text = date.formatted(style)
            let fast = try #require(InternetDate.parse(text), "\(text)")
            let foundation = try Date(text, strategy: style)
            #expect(abs(fast.timeIntervalSince(foundation)) < 0.0005, "\(text)")
            #expect(InternetDate.format(fast) == Date(timeIntervalSince1970: Double(seconds)).formatted(Date.ISO8601FormatStyle()), "\(text)")
        }
    }

    /// Property: for random fields from 1583 (days up to 31, hours up to 24, seconds up to 60), the fast
    /// path accepts exactly the fields a calendar has, and then agrees with Foundation.
    @Test func randomFieldsAreAcceptedExactlyWhenTheCalendarHasThem() throws {
        var random = SeededGenerator(seed: 0xF1E1_D5)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for _ in 0..<20_000 {
            let year = 1583 + Int(random.next() % 8417), month = 1 + Int(random.next() % 12), day = 1 + Int(random.next() % 31)
            let hour = Int(random.next() % 25), minute = Int(random.next() % 60), second = Int(random.next() % 61)
            let text = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, hour, minute, second)
            let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            let real = calendar.date(from: components).map {
                let back = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: $0)
                return [back.year, back.month, back.day, back.hour, back.minute, back.second] == [year, month, day, hour, minute, second]
            } ?? false
            let fast = InternetDate.parse(text)
            #expect((fast != nil) == real, "\(text): calendar says \(real)")
            if let fast { #expect(fast == (try Date(text, strategy: Date.ISO8601FormatStyle())), "\(text)") }
        }
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

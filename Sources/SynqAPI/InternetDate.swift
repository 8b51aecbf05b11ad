import Foundation

/// Fast reading and writing of the one date form both APIs send,
/// `YYYY-MM-DDTHH:MM:SS[.fff]Z`. A fleet list of 100,000 synchronizers carries 100,000
/// dates, and Foundation's general ISO 8601 parser costs microseconds each; anything
/// outside this exact form falls back to Foundation in `JSONCoding`.
///
/// A date that cannot exist (`2023-02-30`, `24:00:00`, second 60) is refused, here and
/// before the fallback: Foundation would roll it over into another day.
enum InternetDate {
    /// What the text holds, read as this form.
    enum Reading: Equatable {
        case date(Date)
        /// The form, with fields no calendar has (a 30 February, hour 24, second 60).
        case impossible
        /// Not this form (an offset, no `Z`, a date alone): for a more general parser.
        case otherForm
    }

    static func parse(_ text: String) -> Date? {
        if case .date(let date) = read(text) { return date }
        return nil
    }

    static func read(_ text: String) -> Reading {
        var text = text
        return text.withUTF8 { read(utf8: $0) }
    }

    /// `read` of UTF-8 bytes (the list parser hands dates over without making strings).
    static func read(utf8 bytes: UnsafeRawBufferPointer) -> Reading {
        read(utf8: bytes.assumingMemoryBound(to: UInt8.self))
    }

    private static func read(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Reading {
        guard let fields = fields(bytes) else { return .otherForm }
        let n = bytes.count
        guard n >= 20, bytes[n - 1] == UInt8(ascii: "Z") || bytes[n - 1] == UInt8(ascii: "z") else { return .otherForm }
        var fraction = 0.0
        if n > 20 {
            guard bytes[19] == UInt8(ascii: "."), n - 21 >= 1, n - 21 <= 9, let digits = number(bytes, 20, n - 21) else { return .otherForm }
            fraction = Double(digits) / pow(10, Double(n - 21))
        }
        guard fields.isPossible else { return .impossible }
        let days = daysFromCivil(year: fields.year, month: fields.month, day: fields.day)
        let seconds = Double(days * 86_400 + fields.hour * 3600 + fields.minute * 60 + fields.second) + fraction
        return .date(Date(timeIntervalSince1970: seconds))
    }

    /// Whether the text starts `YYYY-MM-DDTHH:MM:SS` with fields that cannot exist, whatever
    /// follows (an offset too): such a date is refused rather than rolled over.
    static func hasImpossibleFields(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in fields(bytes).map { !$0.isPossible } ?? false }
    }

    struct Fields {
        var year, month, day, hour, minute, second: Int

        /// A real proleptic Gregorian date and a time of day; no leap second (the APIs send none,
        /// and a Unix time has no place for one).
        var isPossible: Bool {
            (1...12).contains(month) && (1...InternetDate.days(inMonth: month, year: year)).contains(day)
                && hour < 24 && minute < 60 && second < 60
        }
    }

    /// The fields of a leading `YYYY-MM-DDTHH:MM:SS`, nil when the text does not start that way.
    @inline(__always)
    private static func fields(_ bytes: UnsafeBufferPointer<UInt8>) -> Fields? {
        guard bytes.count >= 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
              let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2)
        else { return nil }
        return Fields(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// The value of `count` ASCII digits at `from`; nil when one is not a digit. Inlined with
    /// its constant counts, it is a few instructions a field (a large list reads a million dates).
    @inline(__always)
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) -> Int? {
        var value = 0
        var notDigit = false
        for i in from..<(from + count) {
            let digit = bytes[i] &- 48
            notDigit = notDigit || digit > 9
            value = value &* 10 &+ Int(digit)
        }
        return notDigit ? nil : value
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func format(_ date: Date) -> String {
        guard let fields = exactFields(date) else { return foundationText(date) }
        // Twenty ASCII bytes written in place: this runs once per row of a 100,000-row list.
        return String(unsafeUninitializedCapacity: 20) { buffer in
            write(fields, to: buffer.baseAddress!)
            return 20
        }
    }

    /// `format` appended as UTF-8 bytes, without making a string for the common years.
    static func append(_ date: Date, to buffer: inout [UInt8]) {
        guard let fields = exactFields(date) else {
            buffer.append(contentsOf: foundationText(date).utf8)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: exactLength) { text in
            write(fields, to: text.baseAddress!)
            buffer.append(contentsOf: text)
        }
    }

    /// The length of `YYYY-MM-DDTHH:MM:SSZ`, what `write(secondsSince1970:to:memo:)` writes.
    static let exactLength = 20

    /// The calendar day of the last date written, kept by a writer of many dates: a list's
    /// dates come mostly in order, and working out the day was most of a date's cost.
    struct DayMemo {
        var days = Int.min
        /// `YYYY-MM-DD` of `days`.
        var text: (UInt64, UInt16) = (0, 0)
    }

    /// Writes the date as `append` would at `out` (`exactLength` bytes) and returns true; false,
    /// writing nothing, outside the years 0–9999 (`foundationText` is the text then).
    static func write(secondsSince1970 seconds: Double, to out: UnsafeMutablePointer<UInt8>, memo: inout DayMemo) -> Bool {
        guard hasExactText(secondsSince1970: seconds) else { return false }
        let (days, rest) = daysAndSeconds(seconds)
        if days != memo.days {
            let (year, month, day) = civilFromDays(days)
            writeDay(year: year, month: month, day: day, to: out)
            memo = DayMemo(days: days, text: (UnsafeRawPointer(out).loadUnaligned(as: UInt64.self),
                                              UnsafeRawPointer(out + 8).loadUnaligned(as: UInt16.self)))
        } else {
            UnsafeMutableRawPointer(out).storeBytes(of: memo.text.0, as: UInt64.self)
            UnsafeMutableRawPointer(out + 8).storeBytes(of: memo.text.1, as: UInt16.self)
        }
        writeTime(hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60, to: out)
        return true
    }

    /// Whether `write(secondsSince1970:to:memo:)` writes these seconds: 0000-01-01T00:00:00Z up to
    /// the end of 9999 (false for NaN, which also keeps the Int conversion below from trapping).
    static func hasExactText(secondsSince1970 seconds: Double) -> Bool { seconds >= -62_167_219_200 && seconds < 253_402_300_800 }

    /// How Foundation writes a date outside the years 0–9999.
    static func foundationText(_ date: Date) -> String { date.formatted(Date.ISO8601FormatStyle()) }

    /// The whole seconds of `date` as calendar fields, nil outside the years 0–9999 (which
    /// Foundation writes in its own way).
    private static func exactFields(_ date: Date) -> Fields? {
        let seconds = date.timeIntervalSince1970
        guard hasExactText(secondsSince1970: seconds) else { return nil }
        let (days, rest) = daysAndSeconds(seconds)
        let (year, month, day) = civilFromDays(days)
        return Fields(year: year, month: month, day: day, hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60)
    }

    /// Whole days since 1970 and the seconds into the last of them (rounded down), for seconds
    /// within `hasExactText`.
    @inline(__always)
    private static func daysAndSeconds(_ seconds: Double) -> (days: Int, seconds: Int) {
        let total = Int(seconds.rounded(.down))
        var days = total / 86_400
        var rest = total % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        return (days, rest)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, twenty bytes at `out`.
    private static func write(_ fields: Fields, to out: UnsafeMutablePointer<UInt8>) {
        writeDay(year: fields.year, month: fields.month, day: fields.day, to: out)
        writeTime(hour: fields.hour, minute: fields.minute, second: fields.second, to: out)
    }

    /// `YYYY-MM-DD`, the first ten bytes at `out`.
    @inline(__always)
    private static func writeDay(year: Int, month: Int, day: Int, to out: UnsafeMutablePointer<UInt8>) {
        writeTwoDigits(year / 100, to: out)
        writeTwoDigits(year % 100, to: out + 2)
        out[4] = UInt8(ascii: "-")
        writeTwoDigits(month, to: out + 5)
        out[7] = UInt8(ascii: "-")
        writeTwoDigits(day, to: out + 8)
    }

    /// `THH:MM:SSZ`, bytes 10 to 19 at `out`.
    @inline(__always)
    private static func writeTime(hour: Int, minute: Int, second: Int, to out: UnsafeMutablePointer<UInt8>) {
        out[10] = UInt8(ascii: "T")
        writeTwoDigits(hour, to: out + 11)
        out[13] = UInt8(ascii: ":")
        writeTwoDigits(minute, to: out + 14)
        out[16] = UInt8(ascii: ":")
        writeTwoDigits(second, to: out + 17)
        out[19] = UInt8(ascii: "Z")
    }

    /// 0–99 as two decimal digits.
    @inline(__always)
    private static func writeTwoDigits(_ value: Int, to out: UnsafeMutablePointer<UInt8>) {
        out[0] = UInt8(truncatingIfNeeded: 48 + value / 10)
        out[1] = UInt8(truncatingIfNeeded: 48 + value % 10)
    }

    // Howard Hinnant's days-from-civil and its inverse (proleptic Gregorian calendar).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

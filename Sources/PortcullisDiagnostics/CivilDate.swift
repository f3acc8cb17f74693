/// Dates as `YYYY-MM-DD` from a count of days, by arithmetic: a calendar and time zone from
/// Foundation cost a run milliseconds of ICU set-up, for one date (waivers' expiry, the server's day).
package enum CivilDate {
    /// The date of the day `days` after 1970-01-01 (before it when negative), in the proleptic
    /// Gregorian calendar (Howard Hinnant's `civil_from_days`).
    package static func string(daysSince1970 days: Int) -> String {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// Today in UTC, from the system clock.
    package static func todayUTC() -> String {
        string(daysSince1970: Platform.currentTime() / (86_400 * 1_000_000_000))
    }
}

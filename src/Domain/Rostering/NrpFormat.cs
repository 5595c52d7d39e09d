using System.Globalization;
using System.Text;

namespace Agency.Domain.Rostering;

/// <summary>
/// Reads and writes the text format of the "Shift Scheduling Benchmark Datasets" (Curtois and Qu):
/// sections SECTION_HORIZON, SECTION_SHIFTS, SECTION_STAFF, SECTION_DAYS_OFF,
/// SECTION_SHIFT_ON_REQUESTS, SECTION_SHIFT_OFF_REQUESTS and SECTION_COVER, '#' comments.
/// A malformed line is reported with its number.
/// </summary>
public static class NrpFormat
{
    public sealed class FormatException(string message) : Exception(message);

    private static readonly string[] Sections =
    [
        "SECTION_HORIZON",
        "SECTION_SHIFTS",
        "SECTION_STAFF",
        "SECTION_DAYS_OFF",
        "SECTION_SHIFT_ON_REQUESTS",
        "SECTION_SHIFT_OFF_REQUESTS",
        "SECTION_COVER",
    ];

    public static RosterProblem Read(TextReader reader)
    {
        var lines = new Dictionary<string, List<(int No, string Text)>>();
        string? section = null;
        var no = 0;
        while (reader.ReadLine() is { } raw)
        {
            no++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (line.StartsWith("SECTION_", StringComparison.Ordinal))
            {
                section = Sections.Contains(line) ? line : throw new FormatException($"Line {no}: unknown section {line}.");
                lines[section] = [];
                continue;
            }
            if (section is null)
                throw new FormatException($"Line {no}: data before the first section.");
            lines[section].Add((no, line));
        }
        foreach (var s in Sections.Where(s => !lines.ContainsKey(s)))
            throw new FormatException($"The section {s} is missing.");

        var horizon = Int(lines["SECTION_HORIZON"].FirstOrDefault(), 0, "horizon");
        var shifts = lines["SECTION_SHIFTS"]
            .Select(l =>
            {
                var f = Fields(l, 2);
                return new ShiftType(
                    f[0],
                    Int(l, f, 1, "length"),
                    (f.Length > 2 ? f[2] : "")
                        .Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .ToHashSet()
                );
            })
            .ToList();
        var staff = lines["SECTION_STAFF"]
            .Select(l =>
            {
                var f = Fields(l, 8);
                var max = f[1]
                    .Split('|', StringSplitOptions.RemoveEmptyEntries)
                    .Select(x => x.Split('='))
                    .ToDictionary(
                        x => x.Length == 2 ? x[0].Trim() : throw new FormatException($"Line {l.No}: '{f[1]}' is not like D=14|N=5."),
                        x =>
                            int.TryParse(x[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                                ? n
                                : throw new FormatException($"Line {l.No}: '{x[1]}' is not a number.")
                    );
                return new StaffContract(
                    f[0],
                    max,
                    Int(l, f, 2, "max minutes"),
                    Int(l, f, 3, "min minutes"),
                    Int(l, f, 4, "max consecutive shifts"),
                    Int(l, f, 5, "min consecutive shifts"),
                    Int(l, f, 6, "min consecutive days off"),
                    Int(l, f, 7, "max weekends")
                );
            })
            .ToList();
        var daysOff = lines["SECTION_DAYS_OFF"]
            .Select(l =>
                Fields(l, 1) is var f
                    ? (f[0], f.Skip(1).Where(x => x.Length > 0).Select((x, i) => Int(l, f, i + 1, "day")).ToHashSet())
                    : default
            )
            .GroupBy(x => x.Item1)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.SelectMany(x => x.Item2).ToHashSet());
        List<ShiftRequest> Requests(string name) =>
            lines[name]
                .Select(l => Fields(l, 4) is var f ? new ShiftRequest(f[0], Int(l, f, 1, "day"), f[2], Int(l, f, 3, "weight")) : null!)
                .ToList();
        var cover = lines["SECTION_COVER"]
            .Select(l =>
                Fields(l, 5) is var f
                    ? new CoverRequirement(
                        Int(l, f, 0, "day"),
                        f[1],
                        Int(l, f, 2, "requirement"),
                        Int(l, f, 3, "under weight"),
                        Int(l, f, 4, "over weight")
                    )
                    : null!
            )
            .ToList();

        var problem = new RosterProblem
        {
            Horizon = horizon,
            Shifts = shifts,
            Staff = staff,
            DaysOff = daysOff,
            OnRequests = Requests("SECTION_SHIFT_ON_REQUESTS"),
            OffRequests = Requests("SECTION_SHIFT_OFF_REQUESTS"),
            Cover = cover,
        };
        if (problem.Validate() is { Count: > 0 } problems)
            throw new FormatException(string.Join(" ", problems));
        return problem;
    }

    public static string Write(RosterProblem p)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine("SECTION_HORIZON").AppendLine("# All instances start on a Monday").AppendLine(p.Horizon.ToString(inv)).AppendLine();
        sb.AppendLine("SECTION_SHIFTS").AppendLine("# ShiftID, Length in mins, Shifts which cannot follow this shift | separated");
        foreach (var s in p.Shifts)
            sb.AppendLine(inv, $"{s.Id},{s.Minutes},{string.Join('|', s.CannotBeFollowedBy)}");
        sb.AppendLine()
            .AppendLine("SECTION_STAFF")
            .AppendLine(
                "# ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends"
            );
        foreach (var c in p.Staff)
            sb.AppendLine(
                inv,
                $"{c.Id},{string.Join('|', c.MaxShifts.Select(kv => $"{kv.Key}={kv.Value}"))},{c.MaxTotalMinutes},{c.MinTotalMinutes},{c.MaxConsecutiveShifts},{c.MinConsecutiveShifts},{c.MinConsecutiveDaysOff},{c.MaxWeekends}"
            );
        sb.AppendLine().AppendLine("SECTION_DAYS_OFF").AppendLine("# EmployeeID, DayIndexes (start at zero)");
        foreach (var (who, days) in p.DaysOff)
            sb.AppendLine(inv, $"{who},{string.Join(',', days.Order())}");
        sb.AppendLine().AppendLine("SECTION_SHIFT_ON_REQUESTS").AppendLine("# EmployeeID, Day, ShiftID, Weight");
        foreach (var r in p.OnRequests)
            sb.AppendLine(inv, $"{r.StaffId},{r.Day},{r.ShiftId},{r.Weight}");
        sb.AppendLine().AppendLine("SECTION_SHIFT_OFF_REQUESTS").AppendLine("# EmployeeID, Day, ShiftID, Weight");
        foreach (var r in p.OffRequests)
            sb.AppendLine(inv, $"{r.StaffId},{r.Day},{r.ShiftId},{r.Weight}");
        sb.AppendLine().AppendLine("SECTION_COVER").AppendLine("# Day, ShiftID, Requirement, Weight for under, Weight for over");
        foreach (var c in p.Cover)
            sb.AppendLine(inv, $"{c.Day},{c.ShiftId},{c.Requirement},{c.UnderWeight},{c.OverWeight}");
        return sb.ToString();
    }

    private static string[] Fields((int No, string Text) line, int atLeast)
    {
        var f = line.Text.Split(',').Select(x => x.Trim()).ToArray();
        return f.Length >= atLeast
            ? f
            : throw new FormatException($"Line {line.No}: expected at least {atLeast} comma-separated fields in '{line.Text}'.");
    }

    private static int Int((int No, string Text) line, string[] fields, int index, string what) =>
        int.TryParse(fields[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"Line {line.No}: the {what} '{fields[index]}' is not a whole number.");

    private static int Int((int No, string Text) line, int index, string what) =>
        line.Text is null ? throw new FormatException($"The {what} is missing.") : Int(line, [line.Text.Trim()], index, what);
}

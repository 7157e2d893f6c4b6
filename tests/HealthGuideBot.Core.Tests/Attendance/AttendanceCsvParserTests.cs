using HealthGuideBot.Core.Attendance;

namespace HealthGuideBot.Core.Tests.Attendance;

public sealed class AttendanceCsvParserTests
{
    [Fact]
    public async Task Parse_ReadsBothDateFormats_AndExpandsAWholeDayIntoTwoSessions()
    {
        var result = await ParseAsync(
            "pupil_id,date,session,code",
            "P0001,02/09/2026,AM,I",
            "P0001,2026-09-03,DAY,m",
            "P0002,3/9/2026,pm,I");

        Assert.True(result.IsValid);
        Assert.Equal(
            [
                new AttendanceRecord("P0001", new DateOnly(2026, 9, 2), AttendanceSession.Morning, "I"),
                new AttendanceRecord("P0001", new DateOnly(2026, 9, 3), AttendanceSession.Morning, "M"),
                new AttendanceRecord("P0001", new DateOnly(2026, 9, 3), AttendanceSession.Afternoon, "M"),
                new AttendanceRecord("P0002", new DateOnly(2026, 9, 3), AttendanceSession.Afternoon, "I"),
            ],
            result.Records);
    }

    [Fact]
    public async Task Parse_AcceptsColumnsInAnyOrder_QuotedFields_ABom_AndBlankLines()
    {
        var result = await ParseAsync(
            "\uFEFFCode,Session,Date,Pupil_ID,note",
            "\"I\",AM,2026-09-02,\"P0001\",\"off sick, \"\"flu\"\"\"",
            string.Empty,
            "M,PM,2026-09-02,P0001,");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(2, result.Records.Count);
        Assert.All(result.Records, r => Assert.Equal("P0001", r.PupilId));
    }

    [Fact]
    public async Task Parse_ReportsEveryBadRowWithItsLineNumber_AndReturnsNoRecords()
    {
        var result = await ParseAsync(
            "pupil_id,date,session,code",
            "P0001,02/09/2026,AM,I",
            "P0001,31/02/2026,AM,I",
            ",2026-09-02,AM,I",
            "P0002,2026-09-02,EVENING,I",
            "P0003,2026-09-02,AM,illness",
            "P0004,2026-09-02",
            "P0001,02/09/2026,AM,I");

        Assert.False(result.IsValid);
        Assert.Empty(result.Records);
        Assert.Equal(5, result.ErrorCount);
        Assert.Equal([3, 4, 5, 6, 7], result.Errors.Select(e => e.Line));
        Assert.Contains("date '31/02/2026'", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("pupil_id is empty", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("session 'EVENING'", result.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("code 'ILLNESS'", result.Errors[3].Message, StringComparison.Ordinal);
        Assert.Equal("line 7: expected at least 4 fields, found 2", result.Errors[4].ToString());
    }

    [Fact]
    public async Task Parse_ReadsARepeatedSessionOnce_ButRejectsTwoCodesForOneSession()
    {
        var repeated = await ParseAsync(
            "pupil_id,date,session,code",
            "P0001,2026-09-02,DAY,I",
            "P0001,02/09/2026,AM,I",
            "P0001,2026-09-02,DAY,I");
        var conflicting = await ParseAsync(
            "pupil_id,date,session,code",
            "P0001,2026-09-02,DAY,I",
            "P0001,02/09/2026,PM,M");

        Assert.True(repeated.IsValid);
        Assert.Equal(2, repeated.Records.Count);
        Assert.Equal(3, repeated.DuplicateSessions);
        Assert.False(conflicting.IsValid);
        Assert.Equal("line 3: P0001 2026-09-02 PM has code M here but I on line 2", conflicting.Errors.Single().ToString());
    }

    [Fact]
    public async Task Parse_RejectsAFileWithoutTheHeader()
    {
        var missing = await ParseAsync("P0001,2026-09-02,AM,I");
        var empty = await ParseAsync();

        Assert.Equal("line 1: the header must name the columns pupil_id,date,session,code (missing: pupil_id, date, session, code)", missing.Errors.Single().ToString());
        Assert.False(empty.IsValid);
    }

    private static async Task<AttendanceCsvResult> ParseAsync(params string[] lines)
    {
        using var reader = new StringReader(string.Join("\r\n", lines));
        return await AttendanceCsvParser.ParseAsync(reader, CancellationToken.None);
    }
}

using HealthGuideBot.Core.HealthcarePlans.Reviews;

namespace HealthGuideBot.Core.Tests.HealthcarePlans;

public sealed class ReviewCalendarTests
{
    private static readonly PlanReviewOptions Options = new();
    private static readonly PlanReviewSchedule Schedule = new("plan-1", 3, "P0001", new DateOnly(2027, 3, 1), "nurse-1", null);

    [Theory]
    [InlineData("2027-02-14", ReviewPromptStage.None)]
    [InlineData("2027-02-15", ReviewPromptStage.Before)]
    [InlineData("2027-02-28", ReviewPromptStage.Before)]
    [InlineData("2027-03-01", ReviewPromptStage.Due)]
    [InlineData("2027-03-07", ReviewPromptStage.Due)]
    [InlineData("2027-03-08", ReviewPromptStage.Overdue)]
    [InlineData("2028-01-01", ReviewPromptStage.Overdue)]
    public void StageOn_FollowsTheDaysBeforeAndTheGracePeriod(string today, ReviewPromptStage expected)
    {
        Assert.Equal(expected, ReviewCalendar.StageOn(Schedule, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Options));
    }

    [Fact]
    public void StageOn_IsNone_WhileSnoozed()
    {
        var snoozed = Schedule with { SnoozedUntil = new DateOnly(2027, 3, 8) };

        Assert.Equal(ReviewPromptStage.None, ReviewCalendar.StageOn(snoozed, new DateOnly(2027, 3, 7), Options));
        Assert.Equal(ReviewPromptStage.Overdue, ReviewCalendar.StageOn(snoozed, new DateOnly(2027, 3, 8), Options));
    }

    [Fact]
    public void Snooze_OnTheDueDate_MovesItAWeekAndSilencesPromptsUntilThen()
    {
        var snoozed = ReviewCalendar.Snooze(Schedule, new DateOnly(2027, 3, 1), Options);

        Assert.Equal(new DateOnly(2027, 3, 8), snoozed.DueDate);
        Assert.Equal(new DateOnly(2027, 3, 8), snoozed.SnoozedUntil);
        Assert.Equal(ReviewPromptStage.Due, ReviewCalendar.StageOn(snoozed, new DateOnly(2027, 3, 8), Options));
    }

    [Fact]
    public void Snooze_BeforeTheDueDate_MovesTheDueDateAWeekLater()
    {
        var snoozed = ReviewCalendar.Snooze(Schedule, new DateOnly(2027, 2, 15), Options);

        Assert.Equal(new DateOnly(2027, 3, 8), snoozed.DueDate);
        Assert.Equal(new DateOnly(2027, 2, 22), snoozed.SnoozedUntil);
    }

    [Fact]
    public void SchoolToday_IsTheLondonDate_InBritishSummerTime()
    {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London.
        Assert.Equal(new DateOnly(2027, 7, 1), ReviewCalendar.SchoolToday(new DateTimeOffset(2027, 6, 30, 23, 30, 0, TimeSpan.Zero), Options));
        Assert.Equal(new DateOnly(2027, 1, 30), ReviewCalendar.SchoolToday(new DateTimeOffset(2027, 1, 30, 23, 30, 0, TimeSpan.Zero), Options));
    }

    [Fact]
    public void PromptKey_NamesThePlanVersionDueDateStageAndSenco()
    {
        Assert.Equal("review:plan-1:v3:2027-03-01:before", ReviewCalendar.PromptKey(Schedule, ReviewPromptStage.Before));
        Assert.Equal("review:plan-1:v3:2027-03-01:overdue:senco:s-1", ReviewCalendar.PromptKey(Schedule, ReviewPromptStage.Overdue, "s-1"));
        Assert.NotEqual(ReviewCalendar.PromptKey(Schedule, ReviewPromptStage.Due), ReviewCalendar.PromptKey(Schedule with { Version = 4 }, ReviewPromptStage.Due));
    }
}

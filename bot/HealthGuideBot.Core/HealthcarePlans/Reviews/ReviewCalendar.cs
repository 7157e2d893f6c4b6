namespace HealthGuideBot.Core.HealthcarePlans.Reviews;

/// <summary>
/// The pure rules of review prompts: the school's date today, and which prompt a schedule is at on a date.
/// </summary>
public static class ReviewCalendar
{
    /// <summary>The date in the school's time zone (<see cref="PlanReviewOptions.TimeZone"/>) at <paramref name="utcNow"/>.</summary>
    public static DateOnly SchoolToday(DateTimeOffset utcNow, PlanReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utcNow, zone).DateTime);
    }

    /// <summary>The prompt <paramref name="schedule"/> is at on <paramref name="today"/>.</summary>
    public static ReviewPromptStage StageOn(PlanReviewSchedule schedule, DateOnly today, PlanReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(options);
        if (schedule.SnoozedUntil is { } snoozed && today < snoozed)
        {
            return ReviewPromptStage.None;
        }

        if (today >= schedule.DueDate.AddDays(options.OverdueGraceDays))
        {
            return ReviewPromptStage.Overdue;
        }

        if (today >= schedule.DueDate)
        {
            return ReviewPromptStage.Due;
        }

        return today >= schedule.DueDate.AddDays(-options.DaysBefore) ? ReviewPromptStage.Before : ReviewPromptStage.None;
    }

    /// <summary>
    /// The schedule after "Snooze": the due date moves <see cref="PlanReviewOptions.SnoozeDays"/> days past the later
    /// of the due date and today, and nothing is sent until <see cref="PlanReviewOptions.SnoozeDays"/> days from today.
    /// </summary>
    public static PlanReviewSchedule Snooze(PlanReviewSchedule schedule, DateOnly today, PlanReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(options);
        var from = schedule.DueDate > today ? schedule.DueDate : today;
        return schedule with { DueDate = from.AddDays(options.SnoozeDays), SnoozedUntil = today.AddDays(options.SnoozeDays) };
    }

    /// <summary>
    /// The once-only key of one prompt to one recipient, e.g. <c>review:plan-7:v2:2027-03-01:due</c> for the nurse
    /// and <c>review:plan-7:v2:2027-03-01:overdue:senco:{userId}</c> for a SENCO. A new version or a new due date
    /// (snooze) gives new keys, so its prompts are sent afresh.
    /// </summary>
    public static string PromptKey(PlanReviewSchedule schedule, ReviewPromptStage stage, string? sencoUserId = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var key = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"review:{schedule.PlanId}:v{schedule.Version}:{schedule.DueDate:yyyy-MM-dd}:{stage.ToString().ToLowerInvariant()}");
        return sencoUserId is null ? key : key + ":senco:" + sencoUserId;
    }
}

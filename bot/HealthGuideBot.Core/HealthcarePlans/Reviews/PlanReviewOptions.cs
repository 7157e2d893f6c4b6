using System.ComponentModel.DataAnnotations;

namespace HealthGuideBot.Core.HealthcarePlans.Reviews;

/// <summary>When review prompts are sent. Bound from <see cref="Section"/>.</summary>
public sealed class PlanReviewOptions
{
    public const string Section = "HealthGuideBot:Reviews";

    /// <summary>How many days before the due date the nurse is first reminded.</summary>
    [Range(1, 120)]
    public int DaysBefore { get; set; } = 14;

    /// <summary>How many days after the due date an unreviewed plan is escalated to the SENCO.</summary>
    [Range(0, 120)]
    public int OverdueGraceDays { get; set; } = 7;

    /// <summary>How far "Snooze" puts the next prompt (and the due date) off.</summary>
    [Range(1, 60)]
    public int SnoozeDays { get; set; } = 7;

    /// <summary>The school's time zone: "today" for due dates is the school's date, correct in British Summer Time.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>How often the scheduler runs the sweep (it also runs once at start-up).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Runs the sweep on the Quartz scheduler. Off only for tests that drive the sweep themselves with a fake clock.
    /// </summary>
    public bool RunScheduler { get; set; } = true;
}

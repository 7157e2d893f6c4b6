using System.Globalization;
using System.Text.Json.Nodes;
using HealthGuideBot.BotFramework.Cards;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.HealthcarePlans.Reviews;
using HealthGuideBot.Core.Pupils;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Host.Conversations.Reviews;

/// <summary>Builds the review prompt card (<c>cards/plans/review-prompt.json</c>) for one outstanding review.</summary>
internal sealed class ReviewPromptCards
{
    public const string TemplateName = "plans/review-prompt";

    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    private readonly CardTemplateLibrary _cards;
    private readonly IStaffDirectory _staff;
    private readonly IPupilDirectory _pupils;
    private readonly PlanReviewOptions _options;

    public ReviewPromptCards(CardTemplateLibrary cards, IStaffDirectory staff, IPupilDirectory pupils, IOptions<PlanReviewOptions> options)
    {
        _cards = cards;
        _staff = staff;
        _pupils = pupils;
        _options = options.Value;
    }

    /// <summary>A UK date, dd/mm/yyyy.</summary>
    public static string UkDate(DateOnly date) => date.ToString("dd/MM/yyyy", UkCulture);

    /// <summary>The card's heading at <paramref name="stage"/> on <paramref name="today"/>.</summary>
    public static string HeadingFor(ReviewPromptStage stage, PlanReviewSchedule schedule, DateOnly today) => stage switch
    {
        ReviewPromptStage.Before when schedule.DueDate.DayNumber - today.DayNumber == 1 => "Healthcare plan review due tomorrow",
        ReviewPromptStage.Before => string.Create(UkCulture, $"Healthcare plan review due in {schedule.DueDate.DayNumber - today.DayNumber} days"),
        ReviewPromptStage.Due when schedule.DueDate == today => "Healthcare plan review due today",
        ReviewPromptStage.Due => "Healthcare plan review due now",
        ReviewPromptStage.Overdue => "Overdue healthcare plan review",
        _ => "Healthcare plan review",
    };

    /// <summary>
    /// The card, or null when the pupil is no longer on the roster (nothing can be shown without a name and class).
    /// </summary>
    public async Task<JsonObject?> BuildAsync(PlanReviewSchedule schedule, string heading, string? reason, string? status, bool showActions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (await _pupils.FindAsync(schedule.PupilId, cancellationToken) is not { } pupil)
        {
            return null;
        }

        var nurses = await _staff.InRoleAsync(StaffRole.Nurse, cancellationToken);
        var model = new ReviewPromptCardModel(
            heading,
            reason,
            pupil.Name,
            pupil.ClassName,
            schedule.PlanId,
            schedule.Version,
            UkDate(schedule.DueDate),
            await NameOfAsync(schedule.ResponsibleNurseUserId, cancellationToken),
            _options.SnoozeDays,
            status,
            showActions,
            [.. nurses.OrderBy(n => n.DisplayName, StringComparer.CurrentCulture).Select(n => new NurseChoice(n.UserId, n.DisplayName))]);
        return _cards.Get(TemplateName).Bind(model, ReviewsJsonContext.Default.ReviewPromptCardModel);
    }

    /// <summary>A member of staff's display name, or a neutral phrase when the directory no longer knows them.</summary>
    public async Task<string> NameOfAsync(string userId, CancellationToken cancellationToken) =>
        (await _staff.FindAsync(userId, cancellationToken))?.DisplayName ?? "the responsible nurse (no longer in the staff list)";
}

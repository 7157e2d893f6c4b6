using System.Globalization;
using System.Text.Json;
using HealthGuideBot.BotFramework.Cards;
using HealthGuideBot.Core.Attendance;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Host.Conversations.Attendance;

/// <summary>Binds the SENCO's panel-referral prompt from <c>cards/attendance/panel-prompt.json</c>.</summary>
internal sealed class PanelPromptCards : IPanelPromptCards
{
    public const string TemplateName = "attendance/panel-prompt";

    private readonly CardTemplateLibrary _cards;
    private readonly AttendanceOptions _options;

    public PanelPromptCards(CardTemplateLibrary cards, IOptions<AttendanceOptions> options)
    {
        _cards = cards;
        _options = options.Value;
    }

    /// <summary>Days as staff would say them: "10 days", "10½ days".</summary>
    public static string DaysText(decimal days)
    {
        var whole = decimal.Truncate(days);
        var half = days - whole >= 0.5m ? "½" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{whole:0}{half} {(days == 1 ? "day" : "days")}");
    }

    public JsonElement Build(PanelPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var model = new PanelPromptCardModel(
            new PanelPromptPupil(prompt.PupilId, prompt.PupilName, prompt.ClassName),
            prompt.HealthAbsenceDays,
            DaysText(prompt.HealthAbsenceDays),
            prompt.TermName,
            _options.PromptThresholdDays);
        var card = _cards.Get(TemplateName).Bind(model, AttendanceJsonContext.Default.PanelPromptCardModel);
        using var document = JsonDocument.Parse(card.ToJsonString());
        return document.RootElement.Clone();
    }
}

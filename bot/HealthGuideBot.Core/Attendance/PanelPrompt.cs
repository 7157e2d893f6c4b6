using System.Text.Json;

namespace HealthGuideBot.Core.Attendance;

/// <summary>
/// What the SENCO's prompt says: the pupil, their health-related absence this term, and the offer of a multi-agency
/// panel referral.
/// </summary>
/// <param name="PupilId">The roster id (carried by the referral button).</param>
/// <param name="PupilName">The name from the pupil directory, or the id when the roster does not know the pupil.</param>
/// <param name="ClassName">The class, or null when unknown.</param>
/// <param name="HealthAbsenceDays">Days missed this term for health reasons (two sessions are one day).</param>
/// <param name="TermName">The term, as staff call it.</param>
public sealed record PanelPrompt(string PupilId, string PupilName, string? ClassName, decimal HealthAbsenceDays, string TermName);

/// <summary>Binds the prompt card (<c>cards/attendance/panel-prompt.json</c>); implemented by the host.</summary>
public interface IPanelPromptCards
{
    JsonElement Build(PanelPrompt prompt);
}

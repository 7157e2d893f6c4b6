using System.Text.Json.Serialization;

namespace HealthGuideBot.Host.Conversations.Attendance;

/// <summary>Data for <c>cards/attendance/panel-prompt.json</c>.</summary>
internal sealed record PanelPromptCardModel(PanelPromptPupil Pupil, decimal HealthAbsenceDays, string DaysText, string TermName, int ThresholdDays);

/// <summary>The pupil on the prompt card.</summary>
internal sealed record PanelPromptPupil(string Id, string Name, string? ClassName);

/// <summary>The data of the prompt's "Not now" button.</summary>
internal sealed record NotNowData([property: JsonPropertyName("pupilId")] string? PupilId);

/// <summary>Source-generated JSON contracts for the attendance cards.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PanelPromptCardModel))]
[JsonSerializable(typeof(NotNowData))]
internal sealed partial class AttendanceJsonContext : JsonSerializerContext;

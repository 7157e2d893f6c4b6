using System.Globalization;
using HealthGuideBot.Core.Filing;
using HealthGuideBot.Core.HealthcarePlans;

namespace HealthGuideBot.Host.Conversations.HealthcarePlans;

/// <summary>
/// What a saved plan version files: the Template A document, the one-page emergency summary, and its row in the plan
/// register. Keys are deterministic per version; file names carry a short plan reference, never the pupil's name.
/// </summary>
internal static class PlanFilings
{
    public const string RecordType = "plan";
    public const string PlansDestination = "Healthcare plans";
    public const string RegisterDestination = "Plan register";
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>A short, name-free reference staff can quote, for example <c>IHP-7F3C12AB</c>.</summary>
    public static string Reference(string planId) =>
        "IHP-" + (planId.Length > 8 ? planId[..8] : planId).ToUpperInvariant();

    public static IReadOnlyList<FilingRequest> For(HealthcarePlan plan, IPlanDocuments documents)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(documents);
        var version = plan.Version.ToString(CultureInfo.InvariantCulture);
        var reference = Reference(plan.PlanId);
        return
        [
            new FilingRequest
            {
                Key = $"plan:{plan.PlanId}:v{version}:document",
                Target = FilingTarget.Document,
                RecordType = RecordType,
                RecordId = plan.PlanId,
                Destination = PlansDestination,
                FileName = $"{reference}-v{version}.docx",
                ContentType = DocxContentType,
                Content = documents.RenderPlan(plan),
            },
            new FilingRequest
            {
                Key = $"plan:{plan.PlanId}:v{version}:emergency-summary",
                Target = FilingTarget.Document,
                RecordType = RecordType,
                RecordId = plan.PlanId,
                Destination = PlansDestination,
                FileName = $"{reference}-v{version}-emergency-summary.docx",
                ContentType = DocxContentType,
                Content = documents.RenderEmergencySummary(plan),
            },
            new FilingRequest
            {
                Key = $"plan:{plan.PlanId}:v{version}:register",
                Target = FilingTarget.RegisterEntry,
                RecordType = RecordType,
                RecordId = plan.PlanId,
                Destination = RegisterDestination,
                Fields = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["planId"] = plan.PlanId,
                    ["version"] = version,
                    ["pupilId"] = plan.PupilId,
                    ["class"] = plan.ClassName,
                    ["reviewDate"] = plan.ReviewDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["status"] = "Current",
                },
            },
        ];
    }
}

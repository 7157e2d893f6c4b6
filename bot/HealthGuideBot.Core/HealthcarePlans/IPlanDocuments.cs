namespace HealthGuideBot.Core.HealthcarePlans;

/// <summary>The documents made from a plan version, for filing and for staff to print.</summary>
public interface IPlanDocuments
{
    /// <summary>The whole plan as a Word document (.docx) laid out like DfE Template A.</summary>
    byte[] RenderPlan(HealthcarePlan plan);

    /// <summary>The one-page emergency summary ("care plan on a page") as a Word document.</summary>
    byte[] RenderEmergencySummary(HealthcarePlan plan);
}

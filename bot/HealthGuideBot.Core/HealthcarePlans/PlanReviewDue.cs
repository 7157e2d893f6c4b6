namespace HealthGuideBot.Core.HealthcarePlans;

/// <summary>A plan version's next review: when, and which nurse is prompted.</summary>
public sealed record PlanReviewDue(string PlanId, int Version, string PupilId, DateOnly DueDate, string ResponsibleNurseUserId);

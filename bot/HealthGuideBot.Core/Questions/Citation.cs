using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Core.Questions;

/// <summary>A cited section, with whether its document was past its review date on the day of the answer.</summary>
public sealed record Citation(SourceReference Source, bool IsOverdue);

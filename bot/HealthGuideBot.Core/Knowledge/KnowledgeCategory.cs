namespace HealthGuideBot.Core.Knowledge;

/// <summary>The <c>category</c> front matter key of a knowledge document.</summary>
public enum KnowledgeCategory
{
    Policy,
    Guidance,
    Pathway,
    Emergency,
}

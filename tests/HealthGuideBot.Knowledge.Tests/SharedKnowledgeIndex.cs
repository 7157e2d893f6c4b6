namespace HealthGuideBot.Knowledge.Tests;

/// <summary>Tests in this collection share one index of the real knowledge folder.</summary>
[CollectionDefinition(Name)]
public sealed class SharedKnowledgeIndex : ICollectionFixture<KnowledgeIndexFixture>
{
    public const string Name = "knowledge index";
}

using System.Reflection;
using HealthGuideBot.Core.Knowledge;
using HealthGuideBot.Core.Questions;

namespace HealthGuideBot.Infrastructure.Tests.Answering;

/// <summary>What a composer is given cannot carry a pupil record: only the question text and knowledge-base sections.</summary>
public sealed class AnswerEvidenceShapeTests
{
    [Fact]
    public void AnswerEvidence_HoldsOnlyTheQuestionTheSectionsAndAnOpaqueBudgetKey()
    {
        var properties = typeof(AnswerEvidence).GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(property => property.Name != "EqualityContract")
            .ToDictionary(property => property.Name, property => property.PropertyType);

        Assert.Equal(
            new Dictionary<string, Type>
            {
                [nameof(AnswerEvidence.Question)] = typeof(string),
                [nameof(AnswerEvidence.Hits)] = typeof(IReadOnlyList<KnowledgeHit>),
                [nameof(AnswerEvidence.RequesterKey)] = typeof(string),
            },
            properties);
    }

    [Fact]
    public void KnowledgeHits_AreBuiltOnlyFromKnowledgeBaseTypes()
    {
        var types = new[] { typeof(KnowledgeHit), typeof(KnowledgeSection) }
            .SelectMany(type => type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
            .Where(property => property.Name != "EqualityContract")
            .Select(property => property.PropertyType)
            .Distinct();

        Assert.All(types, type => Assert.True(
            type.IsPrimitive || type == typeof(string) || type == typeof(KnowledgeSection) || type == typeof(IReadOnlyList<string>),
            $"{type} could carry more than knowledge-base text"));
    }
}

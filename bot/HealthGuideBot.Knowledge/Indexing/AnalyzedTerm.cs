namespace HealthGuideBot.Knowledge.Indexing;

/// <summary>One analysed token: its term, position, how many positions it spans (synonym phrases), and offsets.</summary>
internal readonly record struct AnalyzedTerm(string Term, int Position, int PositionLength, int StartOffset, int EndOffset)
{
    public bool IsSynonym => KnowledgeAnalyzer.IsSynonymToken(Term);
}

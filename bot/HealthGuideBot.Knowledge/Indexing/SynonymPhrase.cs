namespace HealthGuideBot.Knowledge.Indexing;

/// <summary>One synonym-group member as analysed words, and the group token stacked on it.</summary>
internal sealed record SynonymPhrase(string[] Words, string Token);

namespace HealthGuideBot.Core.Emergencies;

/// <summary>Words or phrases that point at one emergency document.</summary>
/// <param name="DocumentId">The emergency document.</param>
/// <param name="Kind">How strongly they point at it.</param>
/// <param name="ExpandSynonyms">Also match every term in the same synonym group (knowledge/synonyms.txt).</param>
/// <param name="Phrases">The words or phrases, written naturally ("can't breathe"); they are normalised like messages.</param>
internal sealed record EmergencyPhraseRule(string DocumentId, EmergencyTriggerKind Kind, bool ExpandSynonyms, IReadOnlyList<string> Phrases);

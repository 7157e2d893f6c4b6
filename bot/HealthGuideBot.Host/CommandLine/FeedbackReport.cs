using System.Globalization;
using System.Text;
using HealthGuideBot.Core.Feedback;

namespace HealthGuideBot.Host.CommandLine;

/// <summary>
/// The content owner's report: which documents staff found unhelpful, and the (redacted) questions the bot could not
/// answer or only guessed at, so the school knows what to write or fix next.
/// </summary>
internal static class FeedbackReport
{
    public static string Render(IReadOnlyList<AnswerFeedback> feedback, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"HealthGuideBot feedback since {since:yyyy-MM-dd}: {feedback.Count} entries\n\n");

        report.Append("Answers by document (helpful / not helpful):\n");
        var votes = feedback.Where(f => f.DocumentId is not null && f.Kind is FeedbackKinds.Helpful or FeedbackKinds.NotHelpful)
            .GroupBy(f => f.DocumentId!) // not null: filtered above
            .Select(g => (Document: g.Key, Helpful: g.Count(f => f.Kind == FeedbackKinds.Helpful), NotHelpful: g.Count(f => f.Kind == FeedbackKinds.NotHelpful)))
            .OrderByDescending(v => v.NotHelpful).ThenBy(v => v.Document, StringComparer.Ordinal)
            .ToList();
        foreach (var (document, helpful, notHelpful) in votes)
        {
            report.Append(CultureInfo.InvariantCulture, $"  {document}: {helpful} / {notHelpful}\n");
        }

        if (votes.Count == 0)
        {
            report.Append("  (none)\n");
        }

        foreach (var (kind, heading) in new[] { (FeedbackKinds.Unanswered, "Questions with no approved answer"), (FeedbackKinds.DidYouMean, "Questions answered only with \"did you mean\"") })
        {
            report.Append(CultureInfo.InvariantCulture, $"\n{heading} (redacted, most asked first):\n");
            var questions = feedback.Where(f => f.Kind == kind && f.RedactedQuestion is { Length: > 0 })
                .GroupBy(f => f.RedactedQuestion!.Trim().ToLowerInvariant()) // not null: filtered above
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToList();
            foreach (var question in questions)
            {
                report.Append(CultureInfo.InvariantCulture, $"  {question.Count()} × {question.Key}\n");
            }

            if (questions.Count == 0)
            {
                report.Append("  (none)\n");
            }
        }

        return report.ToString();
    }
}

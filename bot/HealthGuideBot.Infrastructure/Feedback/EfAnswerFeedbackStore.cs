using HealthGuideBot.Core.Feedback;
using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HealthGuideBot.Infrastructure.Feedback;

/// <summary>Answer feedback in the bot's database.</summary>
internal sealed class EfAnswerFeedbackStore : IAnswerFeedbackStore
{
    private readonly HealthGuideDbContext _db;
    private readonly IDatabaseWriterQueue _writers;

    public EfAnswerFeedbackStore(HealthGuideDbContext db, IDatabaseWriterQueue writers)
    {
        _db = db;
        _writers = writers;
    }

    /// <remarks>Refusals under load write in bursts: the row queues for the writer before it opens a connection.</remarks>
    public Task RecordAsync(AnswerFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return _writers.WriteAsync(_db, ct => SaveAsync(feedback, ct), cancellationToken);
    }

    private Task<int> SaveAsync(AnswerFeedback feedback, CancellationToken cancellationToken)
    {
        _db.AnswerFeedback.Add(new AnswerFeedbackEntity
        {
            At = feedback.At,
            Kind = feedback.Kind,
            DocumentId = feedback.DocumentId,
            RedactedQuestion = feedback.RedactedQuestion,
        });
        return _db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AnswerFeedback>> ListSinceAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        var rows = await _db.AnswerFeedback.AsNoTracking()
            .Where(e => e.At >= since)
            .OrderByDescending(e => e.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(e => new AnswerFeedback(e.At, e.Kind, e.DocumentId, e.RedactedQuestion))];
    }
}

using HealthGuideBot.Core.Attendance;
using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HealthGuideBot.Infrastructure.Attendance;

/// <summary>Health-related absence and the prompt ledger in the bot's database.</summary>
internal sealed class EfAttendanceStore : IAttendanceStore
{
    private readonly HealthGuideDbContext _db;

    public EfAttendanceStore(HealthGuideDbContext db) => _db = db;

    public async Task<AttendanceChanges> ApplyAsync(IReadOnlyList<AttendanceRecord> health, IReadOnlyList<AttendanceRecord> cleared, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(cleared);
        if (health.Count == 0 && cleared.Count == 0)
        {
            return new AttendanceChanges(0, 0, 0, 0);
        }

        var all = health.Concat(cleared).ToList();
        var pupils = all.Select(r => r.PupilId).Distinct(StringComparer.Ordinal).ToList();
        var first = all.Min(r => r.Date);
        var last = all.Max(r => r.Date);
        var held = (await _db.HealthAbsences
                .Where(e => pupils.Contains(e.PupilId) && e.Date >= first && e.Date <= last)
                .ToListAsync(cancellationToken))
            .ToDictionary(e => (e.PupilId, e.Date, e.Session));

        int added = 0, updated = 0, unchanged = 0, removed = 0;
        foreach (var record in health)
        {
            if (held.TryGetValue((record.PupilId, record.Date, record.Session), out var existing))
            {
                if (existing.Code == record.Code)
                {
                    unchanged++;
                }
                else
                {
                    existing.Code = record.Code;
                    existing.UpdatedAt = now;
                    updated++;
                }
            }
            else
            {
                var entity = new HealthAbsenceEntity
                {
                    PupilId = record.PupilId,
                    Date = record.Date,
                    Session = record.Session,
                    Code = record.Code,
                    ImportedAt = now,
                    UpdatedAt = now,
                };
                _db.HealthAbsences.Add(entity);
                held[(record.PupilId, record.Date, record.Session)] = entity;
                added++;
            }
        }

        foreach (var record in cleared)
        {
            if (held.Remove((record.PupilId, record.Date, record.Session), out var existing))
            {
                _db.HealthAbsences.Remove(existing);
                removed++;
            }
        }

        await _db.SaveChangesAsync(cancellationToken); // one transaction: the whole batch or nothing
        return new AttendanceChanges(added, updated, unchanged, removed);
    }

    public async Task<IReadOnlyDictionary<string, int>> CountSessionsAsync(DateOnly first, DateOnly last, IReadOnlySet<string> codes, IReadOnlyCollection<string>? pupilIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var codeList = codes.ToList();
        var query = _db.HealthAbsences.AsNoTracking().Where(e => e.Date >= first && e.Date <= last && codeList.Contains(e.Code));
        if (pupilIds is not null)
        {
            var pupilList = pupilIds.ToList();
            query = query.Where(e => pupilList.Contains(e.PupilId));
        }

        var counts = await query.GroupBy(e => e.PupilId).Select(g => new { PupilId = g.Key, Sessions = g.Count() }).ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.PupilId, c => c.Sessions, StringComparer.Ordinal);
    }

    public Task<bool> HasPromptAsync(string key, CancellationToken cancellationToken) =>
        _db.AttendancePrompts.AsNoTracking().AnyAsync(e => e.Key == key, cancellationToken);

    public async Task RecordPromptAsync(AttendancePromptRecord prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (await HasPromptAsync(prompt.Key, cancellationToken))
        {
            return;
        }

        var entity = new AttendancePromptEntity
        {
            Key = prompt.Key,
            PupilId = prompt.PupilId,
            TermId = prompt.TermId,
            ThresholdDays = prompt.ThresholdDays,
            PromptedAt = prompt.PromptedAt,
        };
        _db.AttendancePrompts.Add(entity);
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            _db.Entry(entity).State = EntityState.Detached;
            if (!await HasPromptAsync(prompt.Key, cancellationToken))
            {
                throw;
            }

            // Recorded meanwhile by another check: the first one stands.
        }
    }
}

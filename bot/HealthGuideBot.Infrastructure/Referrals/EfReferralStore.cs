using System.Text.Json;
using System.Text.Json.Serialization;
using HealthGuideBot.Core;
using HealthGuideBot.Core.Filing;
using HealthGuideBot.Core.Referrals;
using HealthGuideBot.Infrastructure.Filing;
using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HealthGuideBot.Infrastructure.Referrals;

/// <summary>
/// Referrals in the bot's database. A submission adds the referral and its filings to the outbox on one context and
/// saves once (the transactional outbox). The reference's sequence is the year's highest plus one; the unique index
/// turns a race between two submissions into a retry with the next number.
/// </summary>
internal sealed class EfReferralStore : IReferralStore
{
    private const int MaxAttempts = 5;

    private readonly HealthGuideDbContext _db;
    private readonly TimeProvider _timeProvider;

    public EfReferralStore(HealthGuideDbContext db, TimeProvider timeProvider)
    {
        _db = db;
        _timeProvider = timeProvider;
    }

    public async Task<ReferralSubmission> SubmitAsync(Referral referral, Func<Referral, IReadOnlyList<FilingRequest>> filings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(filings);
        var year = TimeZoneInfo.ConvertTime(referral.SubmittedAt, SchoolCalendar.TimeZone).Year;
        for (var attempt = 1; ; attempt++)
        {
            if (await FindAsync(referral.ReferralId, cancellationToken) is { } existing)
            {
                return new ReferralSubmission(existing, Created: false);
            }

            var sequence = (await _db.Referrals.Where(e => e.Year == year).MaxAsync(e => (int?)e.Sequence, cancellationToken) ?? 0) + 1;
            var stored = referral with { Reference = ReferralReference.Format(year, sequence) };
            _db.Referrals.Add(ToEntity(stored, year, sequence));
            var now = _timeProvider.GetUtcNow();
            foreach (var filing in filings(stored))
            {
                FilingOutbox.Add(_db, filing, now);
            }

            try
            {
                await _db.SaveChangesAsync(cancellationToken);
                return new ReferralSubmission(stored, Created: true);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another submission took this number, or this referral was saved meanwhile: nothing of ours was
                // written (one transaction). Forget the tracked rows and look again.
                _db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<Referral?> FindAsync(string referralId, CancellationToken cancellationToken)
    {
        var entity = await _db.Referrals.AsNoTracking().FirstOrDefaultAsync(e => e.Id == referralId, cancellationToken);
        return entity is null ? null : ToReferral(entity);
    }

    public async Task<IReadOnlyList<Referral>> ListSubmittedByAsync(string userId, int limit, CancellationToken cancellationToken)
    {
        var rows = await _db.Referrals.AsNoTracking()
            .Where(e => e.SubmittedByUserId == userId)
            .OrderByDescending(e => e.Year).ThenByDescending(e => e.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToReferral)];
    }

    private static ReferralEntity ToEntity(Referral referral, int year, int sequence) => new()
    {
        Id = referral.ReferralId,
        Reference = referral.Reference,
        Year = year,
        Sequence = sequence,
        ServiceId = referral.ServiceId,
        ServiceName = referral.ServiceName,
        PupilId = referral.PupilId,
        PupilName = referral.PupilName,
        ClassName = referral.ClassName,
        AnswersJson = JsonSerializer.Serialize(referral.Answers, ReferralStoreJsonContext.Default.IReadOnlyListReferralAnswer),
        RiskIndicated = referral.RiskIndicated,
        Status = referral.Status.ToString(),
        Version = referral.Version,
        SubmittedByUserId = referral.SubmittedByUserId,
        SubmittedAt = referral.SubmittedAt,
    };

    private static Referral ToReferral(ReferralEntity entity) => new()
    {
        ReferralId = entity.Id,
        Reference = entity.Reference,
        ServiceId = entity.ServiceId,
        ServiceName = entity.ServiceName,
        PupilId = entity.PupilId,
        PupilName = entity.PupilName,
        ClassName = entity.ClassName,
        Answers = JsonSerializer.Deserialize(entity.AnswersJson, ReferralStoreJsonContext.Default.IReadOnlyListReferralAnswer) ?? [],
        RiskIndicated = entity.RiskIndicated,
        Status = Enum.Parse<ReferralStatus>(entity.Status),
        Version = entity.Version,
        SubmittedByUserId = entity.SubmittedByUserId,
        SubmittedAt = entity.SubmittedAt,
    };
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<ReferralAnswer>))]
internal sealed partial class ReferralStoreJsonContext : JsonSerializerContext;

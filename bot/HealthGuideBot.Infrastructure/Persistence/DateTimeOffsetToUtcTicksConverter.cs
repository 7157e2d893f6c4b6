using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HealthGuideBot.Infrastructure.Persistence;

/// <summary>Stores an instant as its UTC ticks: orderable and comparable in SQLite; read back with offset zero.</summary>
internal sealed class DateTimeOffsetToUtcTicksConverter : ValueConverter<DateTimeOffset, long>
{
    public DateTimeOffsetToUtcTicksConverter()
        : base(value => value.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero))
    {
    }
}

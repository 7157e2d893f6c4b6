namespace HealthGuideBot.Core.Referrals.Parsing;

/// <summary>Which way a date without a year (or a bare weekday) leans.</summary>
public enum DateDirection
{
    /// <summary>The most recent such date on or before today ("when did it start?").</summary>
    Past,

    /// <summary>The next such date on or after today.</summary>
    Future,

    /// <summary>This calendar year.</summary>
    Any,
}

using System.Text.Json.Serialization;

namespace HealthGuideBot.Core.Referrals;

/// <summary>What kind of answer a referral question takes, and so how free text is parsed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuestionType>))]
public enum QuestionType
{
    /// <summary>Free text.</summary>
    Text,

    /// <summary>Yes or no ("yep", "no thanks").</summary>
    YesNo,

    /// <summary>A UK date ("14/03/2026", "14 March", "last Tuesday", "3 weeks ago").</summary>
    Date,

    /// <summary>A number ("12", "ten", "12 days").</summary>
    Number,

    /// <summary>One of the question's choices (by title, value or position).</summary>
    Choice,

    /// <summary>A class, group or form ("5B", "year 5", "reception").</summary>
    ClassName,

    /// <summary>A pupil on the school's roster, found by name.</summary>
    Pupil,
}

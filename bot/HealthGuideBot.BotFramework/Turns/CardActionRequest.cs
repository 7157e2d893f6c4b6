using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HealthGuideBot.BotFramework.Turns;

/// <summary>
/// A card button pressed by the user: <c>Action.Execute</c> (an <c>adaptiveCard/action</c> invoke, with its
/// <c>verb</c>) or <c>Action.Submit</c> (a message whose <c>value</c> carries a <c>verb</c> field by our convention).
/// <see cref="Data"/> is the action's data merged with the card's inputs.
/// </summary>
public sealed record CardActionRequest(string Verb, JsonElement Data)
{
    /// <summary>The card action an activity carries (an <c>Action.Execute</c> invoke or an <c>Action.Submit</c> message), if any.</summary>
    public static bool TryRead(Schema.Activity activity, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CardActionRequest? request)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (ActivityRouter.TryReadExecute(activity, out var execute) || ActivityRouter.TryReadSubmit(activity, out execute))
        {
            request = execute;
            return true;
        }

        request = null;
        return false;
    }

    /// <summary>Reads the data as a typed record through a source-generated contract.</summary>
    public T? Read<T>(JsonTypeInfo<T> typeInfo) =>
        Data.ValueKind == JsonValueKind.Object ? Data.Deserialize(typeInfo) : default;

    /// <summary>A string field of the data, or null.</summary>
    public string? GetString(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

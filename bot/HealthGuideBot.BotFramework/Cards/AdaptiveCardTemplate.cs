using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace HealthGuideBot.BotFramework.Cards;

/// <summary>
/// An Adaptive Card template (a <c>cards/**/x.json</c> file) bound to typed data through <see cref="JsonNode"/>,
/// never by string concatenation. It implements this subset of the Adaptive Card Templating language:
/// <list type="bullet">
/// <item><c>"${path}"</c> as a whole string value is replaced by the value at <c>path</c>, keeping its JSON type
/// (a number stays a number, an array stays an array); a missing value removes the property.</item>
/// <item><c>${path}</c> inside a longer string is replaced by the value's text (empty when missing).</item>
/// <item><c>"$data": "${path}"</c> on an object changes the data context; bound to an array, the object is repeated
/// once per item inside its parent array, and <c>$index</c> is the item's position.</item>
/// <item><c>"$when": "${expression}"</c> keeps the object only when the expression holds: a path (true when present,
/// not false, not null, not an empty string or array, not 0), <c>!path</c>, or <c>path == 'text'</c> /
/// <c>path != 'text'</c>.</item>
/// <item>Paths are dot-separated property names with optional <c>[n]</c> indexes; <c>$root</c> starts at the
/// top-level data, and <c>$data</c> is the current context itself.</item>
/// </list>
/// </summary>
public sealed class AdaptiveCardTemplate
{
    private readonly JsonObject _template;

    private AdaptiveCardTemplate(string name, JsonObject template)
    {
        Name = name;
        _template = template;
    }

    /// <summary>The template's name, e.g. <c>help/help</c>.</summary>
    public string Name { get; }

    /// <summary>Parses a template; it must be a JSON object (an Adaptive Card).</summary>
    public static AdaptiveCardTemplate Parse(string name, ReadOnlySpan<byte> utf8Json)
    {
        var node = JsonNode.Parse(utf8Json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })
            as JsonObject ?? throw new FormatException($"The card template '{name}' is not a JSON object.");
        return new AdaptiveCardTemplate(name, node);
    }

    /// <summary>Binds the template to typed data, serialised through a source-generated contract.</summary>
    public JsonObject Bind<T>(T data, JsonTypeInfo<T> typeInfo)
    {
        var root = JsonSerializer.SerializeToNode(data, typeInfo);
        return (JsonObject)BindNode(_template, new Scope(root, root, null))!;
    }

    /// <summary>Binds the template to data that is already JSON (sample data files, tests).</summary>
    public JsonObject Bind(JsonNode? data) => (JsonObject)BindNode(_template, new Scope(data, data, null))!;

    /// <summary>The template with no data (for cards that have no placeholders).</summary>
    public JsonObject Bind() => (JsonObject)BindNode(_template, new Scope(null, null, null))!;

    private static JsonNode? BindNode(JsonNode? node, Scope scope) => node switch
    {
        JsonObject obj => BindObject(obj, scope),
        JsonArray array => BindArray(array, scope),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => BindString(value.GetValue<string>(), scope),
        null => null,
        _ => node.DeepClone(),
    };

    private static JsonArray BindArray(JsonArray array, Scope scope)
    {
        var result = new JsonArray();
        foreach (var item in array)
        {
            if (item is JsonObject obj && obj.TryGetPropertyValue("$data", out var dataExpression)
                && Resolve(dataExpression, scope) is JsonArray items)
            {
                for (var index = 0; index < items.Count; index++)
                {
                    if (BindObject(obj, new Scope(scope.Root, items[index], index), skipData: true) is { } repeated)
                    {
                        result.Add(repeated);
                    }
                }

                continue;
            }

            var bound = BindNode(item, scope);
            if (bound is not null || item is null)
            {
                result.Add(bound);
            }
        }

        return result;
    }

    private static JsonObject? BindObject(JsonObject obj, Scope scope, bool skipData = false)
    {
        if (!skipData && obj.TryGetPropertyValue("$data", out var dataExpression))
        {
            scope = new Scope(scope.Root, Resolve(dataExpression, scope), scope.Index);
        }

        if (obj.TryGetPropertyValue("$when", out var when) && !IsTrue(when, scope))
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var (name, value) in obj)
        {
            if (name is "$data" or "$when")
            {
                continue;
            }

            var isWholePlaceholder = value is JsonValue v && v.GetValueKind() == JsonValueKind.String && IsWholePlaceholder(v.GetValue<string>());
            var bound = BindNode(value, scope);
            if (bound is null && (isWholePlaceholder || value is JsonObject))
            {
                continue; // a missing value or an element whose $when failed: leave the property out
            }

            result[name] = bound;
        }

        return result;
    }

    private static JsonNode? BindString(string text, Scope scope)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return JsonValue.Create(text);
        }

        if (IsWholePlaceholder(text))
        {
            return Lookup(text[2..^1], scope)?.DeepClone();
        }

        var builder = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf("${", position, StringComparison.Ordinal);
            var end = start < 0 ? -1 : text.IndexOf('}', start + 2);
            if (start < 0 || end < 0)
            {
                builder.Append(text, position, text.Length - position);
                break;
            }

            builder.Append(text, position, start - position);
            builder.Append(ToText(Lookup(text[(start + 2)..end], scope)));
            position = end + 1;
        }

        return JsonValue.Create(builder.ToString());
    }

    private static bool IsWholePlaceholder(string text) =>
        text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}') && text.IndexOf('}', 2) == text.Length - 1;

    private static JsonNode? Resolve(JsonNode? expression, Scope scope) =>
        expression is JsonValue value && value.GetValueKind() == JsonValueKind.String && IsWholePlaceholder(value.GetValue<string>())
            ? Lookup(value.GetValue<string>()[2..^1], scope)
            : expression;

    private static bool IsTrue(JsonNode? when, Scope scope)
    {
        if (when is JsonValue boolean && boolean.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return boolean.GetValue<bool>();
        }

        if (when is not JsonValue value || value.GetValueKind() != JsonValueKind.String || !IsWholePlaceholder(value.GetValue<string>()))
        {
            return false;
        }

        var expression = value.GetValue<string>()[2..^1].Trim();
        foreach (var (op, equal) in new[] { ("!=", false), ("==", true) })
        {
            var at = expression.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var left = ToText(Lookup(expression[..at].Trim(), scope));
                var right = expression[(at + 2)..].Trim().Trim('\'', '"');
                return string.Equals(left, right, StringComparison.Ordinal) == equal;
            }
        }

        return expression.StartsWith('!') ? !IsTruthy(Lookup(expression[1..].Trim(), scope)) : IsTruthy(Lookup(expression, scope));
    }

    private static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonObject => true,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.False or JsonValueKind.Null => false,
            JsonValueKind.String => value.GetValue<string>().Length > 0,
            JsonValueKind.Number => double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) != 0,
            _ => true,
        },
        _ => false,
    };

    private static string ToText(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        JsonValue value when value.GetValueKind() == JsonValueKind.True => "true",
        JsonValue value when value.GetValueKind() == JsonValueKind.False => "false",
        _ => node.ToJsonString(),
    };

    private static JsonNode? Lookup(string path, Scope scope)
    {
        path = path.Trim();
        if (path == "$index")
        {
            return scope.Index is { } index ? JsonValue.Create(index) : null;
        }

        JsonNode? current = scope.Data;
        var segments = path.Split('.');
        var first = 0;
        if (segments[0] == "$root")
        {
            current = scope.Root;
            first = 1;
        }
        else if (segments[0] == "$data")
        {
            first = 1;
        }

        for (var i = first; i < segments.Length && current is not null; i++)
        {
            var segment = segments[i];
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket >= 0 ? segment[..bracket] : segment;
            if (name.Length > 0)
            {
                current = current is JsonObject obj && obj.TryGetPropertyValue(name, out var child) ? child : null;
            }

            while (bracket >= 0 && current is not null)
            {
                var close = segment.IndexOf(']', bracket);
                if (close < 0 || !int.TryParse(segment.AsSpan(bracket + 1, close - bracket - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }

                current = current is JsonArray array && index < array.Count ? array[index] : null;
                bracket = segment.IndexOf('[', close);
            }
        }

        return current;
    }

    private sealed record Scope(JsonNode? Root, JsonNode? Data, int? Index);
}

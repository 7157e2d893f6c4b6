using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HealthGuideBot.Host.Tests.Cards;

/// <summary>
/// The Adaptive Card 1.5 schema (element and action types, their properties, required properties and enumerated
/// values, as the published 1.5 JSON schema defines them) narrowed to what Microsoft Teams renders, plus the rules
/// Teams and this project add: unique ids, inputs with an id and a label, an error message wherever validation can
/// fail, a verb on every Action.Execute (and <c>data.verb</c> on every Action.Submit), Cancel and Back that skip
/// validation (<c>associatedInputs: "none"</c>), at most five actions in one place, and nothing left of the
/// templating language. <see cref="Check"/> returns every problem found, each with a JSON path, so a failing card
/// names all its faults at once.
/// </summary>
/// <remarks>
/// The official schema is not copied into the repository; these tables encode it. Enumerated values are compared
/// case-insensitively, as the renderers do. In <see cref="Mode.Template"/> the checker reads an unbound template:
/// <c>$data</c> and <c>$when</c> are allowed and a <c>${...}</c> value stands for any value, so every branch of a
/// template is checked, including those its sample data does not take.
/// </remarks>
public static partial class AdaptiveCardRules
{
    /// <summary>Teams refuses messages of about 40 KB; one card stays well under it.</summary>
    public const int MaxCardBytes = 28 * 1024;

    /// <summary>The whole outgoing activity (the attachment envelope with the card in it).</summary>
    public const int MaxMessageBytes = 40 * 1024;

    /// <summary>The adaptivecards renderer's default host config shows at most five actions in one action bar.</summary>
    public const int MaxActions = 5;

    public enum Mode
    {
        /// <summary>A card ready to send: no templating left.</summary>
        Bound,

        /// <summary>A template from cards/: <c>$data</c>, <c>$when</c> and <c>${...}</c> allowed.</summary>
        Template,
    }

    private static readonly string[] ElementCommon = ["fallback", "height", "separator", "spacing", "id", "isVisible", "requires"];
    private static readonly string[] InputCommon = [.. ElementCommon, "errorMessage", "isRequired", "label"];
    private static readonly string[] ActionCommon = ["title", "iconUrl", "id", "style", "fallback", "tooltip", "isEnabled", "mode", "requires"];
    private static readonly string[] ContainerLike = ["selectAction", "style", "verticalContentAlignment", "bleed", "backgroundImage", "minHeight", "rtl"];

    private static readonly string[] Spacing = ["default", "none", "small", "medium", "large", "extraLarge", "padding"];
    private static readonly string[] Colors = ["default", "dark", "light", "accent", "good", "warning", "attention"];
    private static readonly string[] FontSizes = ["default", "small", "medium", "large", "extraLarge"];
    private static readonly string[] FontWeights = ["default", "lighter", "bolder"];
    private static readonly string[] FontTypes = ["default", "monospace"];
    private static readonly string[] HorizontalAlignments = ["left", "center", "right"];
    private static readonly string[] VerticalAlignments = ["top", "center", "bottom"];
    private static readonly string[] ContainerStyles = ["default", "emphasis", "good", "attention", "warning", "accent"];
    private static readonly string[] ImageSizes = ["auto", "stretch", "small", "medium", "large"];
    private static readonly string[] BlockHeights = ["auto", "stretch"];

    /// <summary>A type the checker knows: allowed and required properties, and the enumerations among them.</summary>
    private sealed record TypeRule(string[] Properties, string[] Required, Dictionary<string, string[]> Enums);

    private static TypeRule Rule(string[] properties, string[] required, Dictionary<string, string[]>? enums = null) =>
        new(properties, required, enums ?? []);

    private static Dictionary<string, string[]> Common(Dictionary<string, string[]>? extra = null)
    {
        var enums = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["spacing"] = Spacing, ["height"] = BlockHeights };
        foreach (var (key, value) in extra ?? [])
        {
            enums[key] = value;
        }

        return enums;
    }

    private static Dictionary<string, string[]> ActionEnums(Dictionary<string, string[]>? extra = null)
    {
        var enums = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["style"] = ["default", "positive", "destructive"],
            ["mode"] = ["primary", "secondary"],
        };
        foreach (var (key, value) in extra ?? [])
        {
            enums[key] = value;
        }

        return enums;
    }

    /// <summary>Body elements Teams renders at 1.5 (Media is left out: Teams does not play it in bot cards).</summary>
    private static readonly Dictionary<string, TypeRule> Elements = new(StringComparer.Ordinal)
    {
        ["TextBlock"] = Rule(
            [.. ElementCommon, "text", "color", "fontType", "horizontalAlignment", "isSubtle", "maxLines", "size", "weight", "wrap", "style"],
            ["text"],
            Common(new()
            {
                ["color"] = Colors, ["fontType"] = FontTypes, ["horizontalAlignment"] = HorizontalAlignments,
                ["size"] = FontSizes, ["weight"] = FontWeights, ["style"] = ["default", "heading"],
            })),
        ["RichTextBlock"] = Rule([.. ElementCommon, "inlines", "horizontalAlignment"], ["inlines"], Common(new() { ["horizontalAlignment"] = HorizontalAlignments })),
        ["Image"] = Rule(
            ["url", "altText", "backgroundColor", "height", "horizontalAlignment", "selectAction", "size", "style", "width", "fallback", "separator", "spacing", "id", "isVisible", "requires"],
            ["url"],
            new(StringComparer.Ordinal)
            {
                ["horizontalAlignment"] = HorizontalAlignments, ["size"] = ImageSizes, ["style"] = ["default", "person"], ["spacing"] = Spacing,
            }),
        ["ImageSet"] = Rule([.. ElementCommon, "images", "imageSize"], ["images"], Common(new() { ["imageSize"] = ImageSizes })),
        ["Container"] = Rule([.. ElementCommon, .. ContainerLike, "items"], ["items"], Common(new() { ["style"] = ContainerStyles, ["verticalContentAlignment"] = VerticalAlignments })),
        ["ColumnSet"] = Rule(
            [.. ElementCommon, "columns", "selectAction", "style", "bleed", "minHeight", "horizontalAlignment"],
            [],
            Common(new() { ["style"] = ContainerStyles, ["horizontalAlignment"] = HorizontalAlignments })),
        ["FactSet"] = Rule([.. ElementCommon, "facts"], ["facts"], Common()),
        ["ActionSet"] = Rule([.. ElementCommon, "actions"], ["actions"], Common()),
        ["Table"] = Rule(
            [.. ElementCommon, "columns", "rows", "firstRowAsHeader", "showGridLines", "gridStyle", "horizontalCellContentAlignment", "verticalCellContentAlignment"],
            [],
            Common(new()
            {
                ["gridStyle"] = ContainerStyles, ["horizontalCellContentAlignment"] = HorizontalAlignments, ["verticalCellContentAlignment"] = VerticalAlignments,
            })),
        ["Input.Text"] = Rule(
            [.. InputCommon, "isMultiline", "maxLength", "placeholder", "regex", "style", "inlineAction", "value"],
            ["id"],
            Common(new() { ["style"] = ["text", "tel", "url", "email", "password"] })),
        ["Input.Number"] = Rule([.. InputCommon, "max", "min", "placeholder", "value"], ["id"], Common()),
        ["Input.Date"] = Rule([.. InputCommon, "max", "min", "placeholder", "value"], ["id"], Common()),
        ["Input.Time"] = Rule([.. InputCommon, "max", "min", "placeholder", "value"], ["id"], Common()),
        ["Input.Toggle"] = Rule([.. InputCommon, "title", "value", "valueOff", "valueOn", "wrap"], ["id", "title"], Common()),
        ["Input.ChoiceSet"] = Rule(
            [.. InputCommon, "choices", "isMultiSelect", "style", "value", "placeholder", "wrap"],
            ["id"],
            Common(new() { ["style"] = ["compact", "expanded", "filtered"] })),
    };

    private static readonly Dictionary<string, TypeRule> Actions = new(StringComparer.Ordinal)
    {
        ["Action.Execute"] = Rule([.. ActionCommon, "verb", "data", "associatedInputs"], [], ActionEnums(new() { ["associatedInputs"] = ["auto", "none"] })),
        ["Action.Submit"] = Rule([.. ActionCommon, "data", "associatedInputs"], [], ActionEnums(new() { ["associatedInputs"] = ["auto", "none"] })),
        ["Action.OpenUrl"] = Rule([.. ActionCommon, "url"], ["url"], ActionEnums()),
        ["Action.ShowCard"] = Rule([.. ActionCommon, "card"], [], ActionEnums()),
        ["Action.ToggleVisibility"] = Rule([.. ActionCommon, "targetElements"], ["targetElements"], ActionEnums()),
    };

    /// <summary>Objects whose type is fixed by where they stand (their <c>type</c> is optional).</summary>
    private static readonly Dictionary<string, TypeRule> Parts = new(StringComparer.Ordinal)
    {
        ["Column"] = Rule(
            ["items", "backgroundImage", "bleed", "fallback", "minHeight", "rtl", "separator", "spacing", "selectAction", "style", "verticalContentAlignment", "width", "id", "isVisible", "requires"],
            [],
            new(StringComparer.Ordinal) { ["spacing"] = Spacing, ["style"] = ContainerStyles, ["verticalContentAlignment"] = VerticalAlignments }),
        ["Fact"] = Rule(["title", "value"], ["title", "value"]),
        ["Input.Choice"] = Rule(["title", "value"], ["title", "value"]),
        ["TextRun"] = Rule(
            ["text", "color", "fontType", "highlight", "isSubtle", "italic", "selectAction", "size", "strikethrough", "underline", "weight"],
            ["text"],
            new(StringComparer.Ordinal) { ["color"] = Colors, ["fontType"] = FontTypes, ["size"] = FontSizes, ["weight"] = FontWeights }),
        ["TableColumnDefinition"] = Rule(
            ["width", "horizontalCellContentAlignment", "verticalCellContentAlignment"],
            [],
            new(StringComparer.Ordinal) { ["horizontalCellContentAlignment"] = HorizontalAlignments, ["verticalCellContentAlignment"] = VerticalAlignments }),
        ["TableRow"] = Rule(
            ["cells", "style", "horizontalCellContentAlignment", "verticalCellContentAlignment"],
            [],
            new(StringComparer.Ordinal)
            {
                ["style"] = ContainerStyles, ["horizontalCellContentAlignment"] = HorizontalAlignments, ["verticalCellContentAlignment"] = VerticalAlignments,
            }),
        ["TableCell"] = Rule([.. ContainerLike, "items"], ["items"], new(StringComparer.Ordinal) { ["style"] = ContainerStyles, ["verticalContentAlignment"] = VerticalAlignments }),
        ["TargetElement"] = Rule(["elementId", "isVisible"], ["elementId"]),
        ["BackgroundImage"] = Rule(
            ["url", "fillMode", "horizontalAlignment", "verticalAlignment"],
            ["url"],
            new(StringComparer.Ordinal)
            {
                ["fillMode"] = ["cover", "repeatHorizontally", "repeatVertically", "repeat"],
                ["horizontalAlignment"] = HorizontalAlignments, ["verticalAlignment"] = VerticalAlignments,
            }),
        ["Refresh"] = Rule(["action", "userIds"], []),
    };

    private static readonly string[] CardProperties =
    [
        "$schema", "version", "refresh", "authentication", "body", "actions", "selectAction", "fallbackText", "backgroundImage",
        "minHeight", "rtl", "speak", "lang", "verticalContentAlignment",
        "msteams", // Teams' own extension (full width, mentions)
    ];

    private static readonly HashSet<string> BooleanProperties =
    [
        "separator", "isVisible", "wrap", "isSubtle", "bleed", "isRequired", "isMultiline", "isMultiSelect", "firstRowAsHeader",
        "showGridLines", "highlight", "italic", "strikethrough", "underline", "isEnabled", "rtl",
    ];

    private static readonly HashSet<string> StringProperties =
    [
        "id", "text", "label", "errorMessage", "placeholder", "title", "url", "verb", "regex", "altText", "iconUrl", "tooltip",
        "elementId", "fallbackText", "speak", "lang", "minHeight", "backgroundColor",
    ];

    private static readonly string[] AllowedSchemas =
    [
        "http://adaptivecards.io/schemas/adaptive-card.json",
        "https://adaptivecards.io/schemas/adaptive-card.json",
    ];

    /// <summary>Every problem in <paramref name="card"/>, each prefixed with its JSON path; empty when it is valid.</summary>
    public static IReadOnlyList<string> Check(JsonObject card, Mode mode = Mode.Bound)
    {
        var checker = new Checker(mode);
        checker.CheckCard(card, "$", topLevel: true);
        checker.CheckIds();
        return checker.Problems;
    }

    /// <summary>Whether an action is a Cancel or a Back: by its verb's last part or its title's first word.</summary>
    public static bool IsCancelOrBack(JsonObject action)
    {
        var verb = Text(action["verb"]) ?? Text((action["data"] as JsonObject)?["verb"]);
        if (verb is not null && CancelOrBackVerb().IsMatch(verb))
        {
            return true;
        }

        return Text(action["title"]) is { } title && CancelOrBackTitle().IsMatch(title);
    }

    [GeneratedRegex(@"(^|[.:_/-])(cancel|back)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CancelOrBackVerb();

    [GeneratedRegex(@"^\s*(cancel|back)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CancelOrBackTitle();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\d{2}:\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"^(auto|stretch|\d+(\.\d+)?|\d+px)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ColumnWidth();

    [GeneratedRegex(@"^\d+px$", RegexOptions.CultureInvariant)]
    private static partial Regex Pixels();

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private sealed class Checker(Mode mode)
    {
        private readonly Dictionary<string, List<string>> _ids = new(StringComparer.Ordinal);
        private readonly List<(string Id, string Path)> _toggleTargets = [];

        public List<string> Problems { get; } = [];

        private bool IsTemplate => mode == Mode.Template;

        private void Fail(string path, string message) => Problems.Add($"{path}: {message}");

        /// <summary>A template value that binding replaces: any value is possible.</summary>
        private bool IsPlaceholder(JsonNode? node) => IsTemplate && Text(node) is { } text && text.Contains("${", StringComparison.Ordinal);

        public void CheckCard(JsonObject card, string path, bool topLevel)
        {
            if (Text(card["type"]) != "AdaptiveCard")
            {
                Fail(path, "type must be \"AdaptiveCard\"");
            }

            if (topLevel)
            {
                var version = Text(card["version"]);
                if (version is null)
                {
                    Fail(path, "version is required on the top-level card");
                }
                else if (!Version.TryParse(version, out var parsed) || parsed > new Version(1, 5))
                {
                    Fail(path, $"version \"{version}\" is not 1.5 or lower: Teams renders up to 1.5");
                }

                if (card["$schema"] is { } schema && !AllowedSchemas.Contains(Text(schema)))
                {
                    Fail(path, $"$schema {schema.ToJsonString()} is not the Adaptive Card schema ({AllowedSchemas[0]})");
                }
            }

            CheckProperties(card, path, CardProperties, required: [], enums: new(StringComparer.Ordinal) { ["verticalContentAlignment"] = VerticalAlignments });
            if (card["msteams"] is { } msteams && msteams is not JsonObject)
            {
                Fail(path + ".msteams", "must be an object");
            }

            CheckElements(card["body"], path + ".body");
            CheckActions(card["actions"], path + ".actions");
            CheckSelectAction(card["selectAction"], path + ".selectAction");
            CheckBackgroundImage(card["backgroundImage"], path + ".backgroundImage");
            if (card["refresh"] is JsonObject refresh)
            {
                CheckTyped(refresh, path + ".refresh", "Refresh", Parts["Refresh"]);
                if (refresh["action"] is JsonObject action)
                {
                    CheckAction(action, path + ".refresh.action", allowShowCard: false, needsTitle: false);
                }
            }
        }

        private void CheckElements(JsonNode? node, string path)
        {
            foreach (var (item, itemPath) in Items(node, path))
            {
                CheckElement(item, itemPath);
            }
        }

        private IEnumerable<(JsonObject Item, string Path)> Items(JsonNode? node, string path)
        {
            if (node is null)
            {
                yield break;
            }

            if (node is not JsonArray array)
            {
                if (!IsPlaceholder(node))
                {
                    Fail(path, "must be an array");
                }

                yield break;
            }

            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonObject item)
                {
                    yield return (item, $"{path}[{i}]");
                }
                else
                {
                    Fail($"{path}[{i}]", "must be an object");
                }
            }
        }

        private void CheckElement(JsonObject element, string path)
        {
            var type = Text(element["type"]);
            if (type is null)
            {
                Fail(path, "an element has no type");
                return;
            }

            if (!Elements.TryGetValue(type, out var rule))
            {
                Fail(path, $"\"{type}\" is not an element type Teams renders at 1.5");
                return;
            }

            path = $"{path}<{type}>";
            CheckTyped(element, path, type, rule);
            CheckFallback(element["fallback"], path + ".fallback", isAction: false);
            switch (type)
            {
                case "Container":
                    CheckElements(element["items"], path + ".items");
                    CheckSelectAction(element["selectAction"], path + ".selectAction");
                    CheckBackgroundImage(element["backgroundImage"], path + ".backgroundImage");
                    break;
                case "ColumnSet":
                    CheckSelectAction(element["selectAction"], path + ".selectAction");
                    foreach (var (column, columnPath) in Items(element["columns"], path + ".columns"))
                    {
                        CheckColumn(column, columnPath);
                    }

                    break;
                case "FactSet":
                    foreach (var (fact, factPath) in Items(element["facts"], path + ".facts"))
                    {
                        CheckTyped(fact, factPath, "Fact", Parts["Fact"]);
                    }

                    break;
                case "ImageSet":
                    foreach (var (image, imagePath) in Items(element["images"], path + ".images"))
                    {
                        CheckTyped(image, imagePath + "<Image>", "Image", Elements["Image"]);
                        CheckSelectAction(image["selectAction"], imagePath + ".selectAction");
                    }

                    break;
                case "Image":
                    CheckSelectAction(element["selectAction"], path + ".selectAction");
                    CheckPixelsOrEnum(element, path, "height", BlockHeights);
                    CheckPixelsOrEnum(element, path, "width", []);
                    break;
                case "RichTextBlock":
                    CheckInlines(element["inlines"], path + ".inlines");
                    break;
                case "ActionSet":
                    CheckActions(element["actions"], path + ".actions");
                    break;
                case "Table":
                    CheckTable(element, path);
                    break;
                default:
                    if (type.StartsWith("Input.", StringComparison.Ordinal))
                    {
                        CheckInput(element, path, type);
                    }

                    break;
            }
        }

        private void CheckColumn(JsonObject column, string path)
        {
            path += "<Column>";
            CheckTyped(column, path, "Column", Parts["Column"]);
            CheckElements(column["items"], path + ".items");
            CheckSelectAction(column["selectAction"], path + ".selectAction");
            CheckBackgroundImage(column["backgroundImage"], path + ".backgroundImage");
            CheckFallback(column["fallback"], path + ".fallback", isAction: false);
            if (column["width"] is { } width && !IsPlaceholder(width)
                && !(width.GetValueKind() == JsonValueKind.Number || (Text(width) is { } text && ColumnWidth().IsMatch(text))))
            {
                Fail(path + ".width", $"{width.ToJsonString()} is not \"auto\", \"stretch\", a weight or \"<n>px\"");
            }
        }

        private void CheckInlines(JsonNode? node, string path)
        {
            if (node is not JsonArray inlines)
            {
                if (node is not null && !IsPlaceholder(node))
                {
                    Fail(path, "must be an array");
                }

                return;
            }

            for (var i = 0; i < inlines.Count; i++)
            {
                if (inlines[i] is JsonObject run)
                {
                    CheckTyped(run, $"{path}[{i}]<TextRun>", "TextRun", Parts["TextRun"]);
                    CheckSelectAction(run["selectAction"], $"{path}[{i}].selectAction");
                }
                else if (Text(inlines[i]) is null)
                {
                    Fail($"{path}[{i}]", "an inline must be a TextRun or a string");
                }
            }
        }

        private void CheckTable(JsonObject table, string path)
        {
            var columns = 0;
            foreach (var (column, columnPath) in Items(table["columns"], path + ".columns"))
            {
                columns++;
                CheckTyped(column, columnPath, "TableColumnDefinition", Parts["TableColumnDefinition"]);
            }

            foreach (var (row, rowPath) in Items(table["rows"], path + ".rows"))
            {
                CheckTyped(row, rowPath, "TableRow", Parts["TableRow"]);
                var cells = 0;
                foreach (var (cell, cellPath) in Items(row["cells"], rowPath + ".cells"))
                {
                    cells++;
                    CheckTyped(cell, cellPath, "TableCell", Parts["TableCell"]);
                    CheckElements(cell["items"], cellPath + ".items");
                    CheckSelectAction(cell["selectAction"], cellPath + ".selectAction");
                }

                if (!IsTemplate && cells > columns)
                {
                    Fail(rowPath, $"has {cells} cells but the table defines {columns} columns: the extra cells are not shown");
                }
            }
        }

        private void CheckInput(JsonObject input, string path, string type)
        {
            var id = Text(input["id"]);
            if (string.IsNullOrWhiteSpace(id) && !IsPlaceholder(input["id"]))
            {
                Fail(path, "an input needs an id");
            }

            if (string.IsNullOrWhiteSpace(Text(input["label"])))
            {
                Fail(path, $"input {id} needs a label (Teams reads it out and shows the required marker on it)");
            }

            var required = input["isRequired"] is JsonValue r && r.GetValueKind() == JsonValueKind.True;
            var hasRegex = input["regex"] is not null;
            if ((required || hasRegex || type is "Input.Number" && (input["min"] is not null || input["max"] is not null))
                && string.IsNullOrWhiteSpace(Text(input["errorMessage"])))
            {
                Fail(path, $"input {id} can fail validation (isRequired, regex, min/max) but has no errorMessage");
            }

            if (Text(input["regex"]) is { } regex && !IsPlaceholder(input["regex"]))
            {
                try
                {
                    _ = new Regex(regex, RegexOptions.None, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException e)
                {
                    Fail(path + ".regex", $"is not a valid regular expression: {e.Message}");
                }
            }

            switch (type)
            {
                case "Input.Date":
                    foreach (var name in new[] { "value", "min", "max" })
                    {
                        CheckFormat(input, path, name, IsoDate(), "yyyy-MM-dd (ISO 8601), not a UK dd/mm/yyyy date");
                    }

                    break;
                case "Input.Time":
                    foreach (var name in new[] { "value", "min", "max" })
                    {
                        CheckFormat(input, path, name, IsoTime(), "HH:mm");
                    }

                    break;
                case "Input.Number":
                    foreach (var name in new[] { "value", "min", "max" })
                    {
                        if (input[name] is { } number && number.GetValueKind() != JsonValueKind.Number && !IsPlaceholder(number))
                        {
                            Fail($"{path}.{name}", "must be a number");
                        }
                    }

                    break;
                case "Input.Text":
                    if (input["maxLength"] is { } maxLength && maxLength.GetValueKind() != JsonValueKind.Number && !IsPlaceholder(maxLength))
                    {
                        Fail(path + ".maxLength", "must be a number");
                    }

                    CheckSelectAction(input["inlineAction"], path + ".inlineAction");
                    break;
                case "Input.ChoiceSet":
                    var multi = input["isMultiSelect"] is JsonValue m && m.GetValueKind() == JsonValueKind.True;
                    foreach (var (choice, choicePath) in Items(input["choices"], path + ".choices"))
                    {
                        CheckTyped(choice, choicePath, "Input.Choice", Parts["Input.Choice"]);
                        if (multi && Text(choice["value"]) is { } value && value.Contains(',', StringComparison.Ordinal))
                        {
                            Fail(choicePath + ".value", "a multi-select choice value must not contain a comma (the values come back comma-separated)");
                        }
                    }

                    break;
            }
        }

        private void CheckFormat(JsonObject input, string path, string name, Regex format, string expected)
        {
            if (input[name] is { } node && !IsPlaceholder(node) && !(Text(node) is { } text && (text.Length == 0 || format.IsMatch(text))))
            {
                Fail($"{path}.{name}", $"{node.ToJsonString()} is not {expected}");
            }
        }

        private void CheckActions(JsonNode? node, string path)
        {
            var count = 0;
            foreach (var (action, actionPath) in Items(node, path))
            {
                count++;
                CheckAction(action, actionPath, allowShowCard: true, needsTitle: true);
            }

            if (count > MaxActions && !IsTemplate)
            {
                Fail(path, $"has {count} actions; at most {MaxActions} show in one place");
            }
        }

        private void CheckSelectAction(JsonNode? node, string path)
        {
            if (node is null)
            {
                return;
            }

            if (node is not JsonObject action)
            {
                Fail(path, "must be an action object");
                return;
            }

            CheckAction(action, path, allowShowCard: false, needsTitle: false);
        }

        private void CheckAction(JsonObject action, string path, bool allowShowCard, bool needsTitle)
        {
            var type = Text(action["type"]);
            if (type is null || !Actions.TryGetValue(type, out var rule))
            {
                Fail(path, type is null ? "an action has no type" : $"\"{type}\" is not an action type Teams supports at 1.5");
                return;
            }

            path = $"{path}<{type}>";
            if (type == "Action.ShowCard" && !allowShowCard)
            {
                Fail(path, "Action.ShowCard cannot be a selectAction or an inline action");
            }

            CheckTyped(action, path, type, rule);
            CheckFallback(action["fallback"], path + ".fallback", isAction: true);
            var title = Text(action["title"]);
            if (needsTitle && string.IsNullOrWhiteSpace(title) && !IsPlaceholder(action["title"]))
            {
                Fail(path, "an action needs a title");
            }

            switch (type)
            {
                case "Action.Execute":
                    if (string.IsNullOrWhiteSpace(Text(action["verb"])))
                    {
                        Fail(path, "Action.Execute needs a verb");
                    }

                    break;
                case "Action.Submit":
                    if (string.IsNullOrWhiteSpace(Text((action["data"] as JsonObject)?["verb"])))
                    {
                        Fail(path, "Action.Submit needs data.verb (the router matches on it)");
                    }

                    break;
                case "Action.ShowCard":
                    if (action["card"] is JsonObject card)
                    {
                        CheckCard(card, path + ".card", topLevel: false);
                    }
                    else
                    {
                        Fail(path, "Action.ShowCard needs a card");
                    }

                    break;
                case "Action.ToggleVisibility":
                    if (action["targetElements"] is JsonArray targets)
                    {
                        for (var i = 0; i < targets.Count; i++)
                        {
                            var targetPath = $"{path}.targetElements[{i}]";
                            if (targets[i] is JsonObject target)
                            {
                                CheckTyped(target, targetPath, "TargetElement", Parts["TargetElement"]);
                                if (Text(target["elementId"]) is { } elementId)
                                {
                                    _toggleTargets.Add((elementId, targetPath));
                                }
                            }
                            else if (Text(targets[i]) is { } elementId)
                            {
                                _toggleTargets.Add((elementId, targetPath));
                            }
                            else
                            {
                                Fail(targetPath, "must be an element id or a TargetElement");
                            }
                        }
                    }

                    break;
            }

            if (type is "Action.Execute" or "Action.Submit" && IsCancelOrBack(action)
                && !string.Equals(Text(action["associatedInputs"]), "none", StringComparison.OrdinalIgnoreCase))
            {
                Fail(path, $"\"{title}\" is a Cancel or Back action: it must skip validation with associatedInputs: \"none\"");
            }
        }

        private void CheckFallback(JsonNode? node, string path, bool isAction)
        {
            switch (node)
            {
                case null:
                    return;
                case JsonObject fallback when isAction:
                    CheckAction(fallback, path, allowShowCard: true, needsTitle: true);
                    return;
                case JsonObject fallback:
                    CheckElement(fallback, path);
                    return;
                default:
                    if (!string.Equals(Text(node), "drop", StringComparison.OrdinalIgnoreCase) && !IsPlaceholder(node))
                    {
                        Fail(path, "fallback must be \"drop\" or an element/action");
                    }

                    return;
            }
        }

        private void CheckBackgroundImage(JsonNode? node, string path)
        {
            if (node is JsonObject image)
            {
                CheckTyped(image, path, "BackgroundImage", Parts["BackgroundImage"]);
            }
            else if (node is not null && Text(node) is null)
            {
                Fail(path, "must be a URL or a BackgroundImage");
            }
        }

        private void CheckPixelsOrEnum(JsonObject element, string path, string name, string[] words)
        {
            if (Text(element[name]) is { } text && !IsPlaceholder(element[name]) && !Pixels().IsMatch(text)
                && !words.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                Fail($"{path}.{name}", $"\"{text}\" is not \"<n>px\"{(words.Length > 0 ? " or " + string.Join(", ", words) : "")}");
            }
        }

        /// <summary>Type (when present), properties, required properties, enumerations and value kinds.</summary>
        private void CheckTyped(JsonObject obj, string path, string type, TypeRule rule)
        {
            if (obj["type"] is { } typeNode && Text(typeNode) != type)
            {
                Fail(path, $"type {typeNode.ToJsonString()} where a {type} belongs");
            }

            CheckProperties(obj, path, rule.Properties, rule.Required, rule.Enums);
            if (!IsTemplate && Text(obj["id"]) is { } id)
            {
                if (!_ids.TryGetValue(id, out var paths))
                {
                    _ids[id] = paths = [];
                }

                paths.Add(path);
            }
        }

        private void CheckProperties(JsonObject obj, string path, string[] allowed, string[] required, Dictionary<string, string[]> enums)
        {
            foreach (var (name, value) in obj)
            {
                if (name is "type")
                {
                    continue;
                }

                if (name is "$data" or "$when")
                {
                    if (!IsTemplate)
                    {
                        Fail($"{path}.{name}", "templating left in a bound card");
                    }

                    continue;
                }

                if (!allowed.Contains(name, StringComparer.Ordinal))
                {
                    Fail($"{path}.{name}", "is not a property of this type in Adaptive Cards 1.5");
                    continue;
                }

                if (value is null)
                {
                    Fail($"{path}.{name}", "is null: leave the property out instead");
                    continue;
                }

                if (IsPlaceholder(value))
                {
                    continue;
                }

                if (enums.TryGetValue(name, out var words)
                    && !(Text(value) is { } word && words.Contains(word, StringComparer.OrdinalIgnoreCase))
                    && !(name is "height" && Pixels().IsMatch(Text(value) ?? "")))
                {
                    Fail($"{path}.{name}", $"{value.ToJsonString()} is not one of {string.Join(", ", words)}");
                }
                else if (BooleanProperties.Contains(name) && value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    Fail($"{path}.{name}", $"{value.ToJsonString()} must be true or false");
                }
                else if (StringProperties.Contains(name) && value.GetValueKind() != JsonValueKind.String)
                {
                    Fail($"{path}.{name}", $"{value.ToJsonString()} must be a string");
                }
                else if (name is "maxLines" && value.GetValueKind() != JsonValueKind.Number)
                {
                    Fail($"{path}.{name}", "must be a number");
                }
            }

            foreach (var name in required)
            {
                if (obj[name] is null)
                {
                    Fail(path, $"the required property {name} is missing");
                }
            }
        }

        public void CheckIds()
        {
            if (IsTemplate)
            {
                return; // ids are collected from bound cards only: $when branches may share an id, $data repeats it
            }

            foreach (var (id, paths) in _ids)
            {
                if (paths.Count > 1)
                {
                    Fail(paths[1], $"id \"{id}\" is used {paths.Count} times ({string.Join(", ", paths)}); ids must be unique in a card");
                }
            }

            foreach (var (id, path) in _toggleTargets)
            {
                if (!_ids.ContainsKey(id) && !(IsTemplate && id.Contains("${", StringComparison.Ordinal)))
                {
                    Fail(path, $"targets \"{id}\", which no element in the card has");
                }
            }
        }
    }

    /// <summary>Every string in <paramref name="node"/> still holding <c>${</c>, with its path.</summary>
    public static IEnumerable<string> UnboundExpressions(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (name.StartsWith('$') && name != "$schema")
                    {
                        yield return $"{path}.{name} (a templating key)";
                    }

                    foreach (var found in UnboundExpressions(child, $"{path}.{name}"))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var found in UnboundExpressions(array[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Contains("${", StringComparison.Ordinal):
                yield return $"{path} = {value.ToJsonString()}";
                break;
        }
    }
}

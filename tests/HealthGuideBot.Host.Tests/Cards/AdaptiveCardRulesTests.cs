using System.Text.Json.Nodes;

namespace HealthGuideBot.Host.Tests.Cards;

/// <summary>
/// The rules checker itself: a valid form card passes, and each kind of mistake a card author can make is caught
/// and named (so the template tests that rely on it can fail).
/// </summary>
public sealed class AdaptiveCardRulesTests
{
    private const string ValidForm = """
        {
          "type": "AdaptiveCard",
          "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
          "version": "1.5",
          "msteams": { "width": "Full" },
          "body": [
            { "type": "TextBlock", "text": "Pupil", "style": "heading", "size": "Large", "weight": "Bolder", "wrap": true },
            { "type": "Input.Text", "id": "name", "label": "Name", "isRequired": true, "errorMessage": "Enter the pupil's name", "maxLength": 100 },
            { "type": "Input.Text", "id": "class", "label": "Class", "regex": "^[0-9][A-Z]$", "errorMessage": "A class like 5B" },
            { "type": "Input.Date", "id": "dob", "label": "Date of birth", "value": "2015-03-14", "max": "2026-11-27" },
            { "type": "Input.Time", "id": "time", "label": "Time", "value": "09:30" },
            { "type": "Input.Number", "id": "dose", "label": "Dose (puffs)", "min": 1, "max": 10, "errorMessage": "1 to 10" },
            { "type": "Input.Toggle", "id": "selfAdministered", "label": "Self-administered", "title": "The pupil gives it" },
            { "type": "Input.ChoiceSet", "id": "method", "label": "Method", "style": "expanded", "isMultiSelect": true,
              "choices": [ { "title": "Inhaler", "value": "inhaler" }, { "title": "Tablet", "value": "tablet" } ] },
            { "type": "ColumnSet", "columns": [ { "type": "Column", "width": "auto", "items": [ { "type": "TextBlock", "text": "1." } ] },
                                               { "width": 2, "items": [ { "type": "TextBlock", "text": "Step" } ] } ] },
            { "type": "FactSet", "facts": [ { "title": "Class", "value": "5B" } ] },
            { "type": "Container", "id": "more", "isVisible": false, "style": "emphasis", "items": [ { "type": "TextBlock", "text": "More" } ] },
            { "type": "RichTextBlock", "inlines": [ "plain", { "type": "TextRun", "text": "bold", "weight": "Bolder" } ] },
            { "type": "Table", "columns": [ { "width": 1 }, { "width": 2 } ],
              "rows": [ { "type": "TableRow", "cells": [ { "type": "TableCell", "items": [ { "type": "TextBlock", "text": "a" } ] },
                                                         { "type": "TableCell", "items": [ { "type": "TextBlock", "text": "b" } ] } ] } ] },
            { "type": "ActionSet", "actions": [ { "type": "Action.ToggleVisibility", "title": "Show more", "targetElements": [ "more" ] } ] }
          ],
          "actions": [
            { "type": "Action.Execute", "title": "Back", "verb": "plan.back", "associatedInputs": "none" },
            { "type": "Action.Execute", "title": "Next", "verb": "plan.next", "style": "positive" },
            { "type": "Action.Execute", "title": "Cancel", "verb": "dialog.cancel", "associatedInputs": "None" },
            { "type": "Action.Submit", "title": "Save draft", "data": { "verb": "dialog.save" } },
            { "type": "Action.ShowCard", "title": "Help", "card": { "type": "AdaptiveCard", "body": [ { "type": "TextBlock", "text": "Help" } ] } }
          ]
        }
        """;

    [Fact]
    public void AValidFormCard_HasNoProblems()
    {
        Assert.Empty(AdaptiveCardRules.Check(Parse(ValidForm)));
    }

    [Theory]
    [InlineData("$.type", "\"Card\"", "type must be \"AdaptiveCard\"")]
    [InlineData("$.version", "\"1.6\"", "is not 1.5 or lower")]
    [InlineData("$.$schema", "\"https://example.org/card.json\"", "is not the Adaptive Card schema")]
    [InlineData("$.body[0].type", "\"Media\"", "\"Media\" is not an element type Teams renders")]
    [InlineData("$.body[0].type", "\"Icon\"", "\"Icon\" is not an element type Teams renders")]
    [InlineData("$.body[0].size", "\"huge\"", "\"huge\" is not one of")]
    [InlineData("$.body[0].wrap", "\"yes\"", "must be true or false")]
    [InlineData("$.body[0].colour", "\"good\"", "colour: is not a property of this type")]
    [InlineData("$.body[0].text", null, "required property text is missing")]
    [InlineData("$.body[1].label", null, "input name needs a label")]
    [InlineData("$.body[1].id", null, "an input needs an id")]
    [InlineData("$.body[1].errorMessage", null, "input name can fail validation")]
    [InlineData("$.body[2].errorMessage", null, "input class can fail validation")]
    [InlineData("$.body[2].regex", "\"[0-9\"", "is not a valid regular expression")]
    [InlineData("$.body[2].id", "\"name\"", "id \"name\" is used 2 times")]
    [InlineData("$.body[3].value", "\"14/03/2015\"", "not a UK dd/mm/yyyy date")]
    [InlineData("$.body[4].value", "\"9.30am\"", "is not HH:mm")]
    [InlineData("$.body[5].min", "\"1\"", "must be a number")]
    [InlineData("$.body[6].title", null, "required property title is missing")]
    [InlineData("$.body[7].choices[0].value", "\"inhaler, spacer\"", "must not contain a comma")]
    [InlineData("$.body[8].columns[0].width", "\"wide\"", "is not \"auto\", \"stretch\"")]
    [InlineData("$.body[8].columns[1].type", "\"Container\"", "where a Column belongs")]
    [InlineData("$.body[9].facts[0].value", null, "required property value is missing")]
    [InlineData("$.body[10].style", "\"red\"", "\"red\" is not one of")]
    [InlineData("$.body[11].inlines[1].text", null, "required property text is missing")]
    [InlineData("$.body[13].actions[0].targetElements[0]", "\"less\"", "targets \"less\", which no element")]
    [InlineData("$.actions[0].associatedInputs", null, "\"Back\" is a Cancel or Back action")]
    [InlineData("$.actions[2].associatedInputs", "\"auto\"", "\"Cancel\" is a Cancel or Back action")]
    [InlineData("$.actions[1].verb", null, "Action.Execute needs a verb")]
    [InlineData("$.actions[1].title", null, "an action needs a title")]
    [InlineData("$.actions[1].type", "\"Action.Http\"", "\"Action.Http\" is not an action type")]
    [InlineData("$.actions[3].data", "{}", "Action.Submit needs data.verb")]
    [InlineData("$.actions[4].card.body[0].type", "\"Carousel\"", "\"Carousel\" is not an element type")]
    [InlineData("$.body[10].selectAction", "{ \"type\": \"Action.ShowCard\", \"card\": { \"type\": \"AdaptiveCard\" } }", "cannot be a selectAction")]
    [InlineData("$.body[0].text", "null", "is null: leave the property out")]
    [InlineData("$.body[0].$when", "\"${x}\"", "templating left in a bound card")]
    public void AMistake_IsFound_AndNamed(string path, string? json, string expected)
    {
        var card = Parse(ValidForm);
        Set(card, path, json);

        var problems = AdaptiveCardRules.Check(card);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void SixActionsInOnePlace_AreTooMany()
    {
        var card = Parse(ValidForm);
        card["actions"]!.AsArray().Add(JsonNode.Parse("""{ "type": "Action.OpenUrl", "title": "Guidance", "url": "https://example.org/" }"""));

        Assert.Contains(AdaptiveCardRules.Check(card), p => p.Contains("has 6 actions", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "type": "Action.Execute", "title": "Back", "verb": "help.menu" }""", true)]
    [InlineData("""{ "type": "Action.Execute", "title": "Go back to the menu", "verb": "plan.back" }""", true)]
    [InlineData("""{ "type": "Action.Submit", "title": "Stop", "data": { "verb": "dialog.cancel" } }""", true)]
    [InlineData("""{ "type": "Action.Execute", "title": "Cancel referral", "verb": "referral.abandon" }""", true)]
    [InlineData("""{ "type": "Action.Execute", "title": "Background", "verb": "plan.background" }""", false)]
    [InlineData("""{ "type": "Action.Execute", "title": "Next", "verb": "plan.next" }""", false)]
    public void CancelAndBack_AreRecognisedByVerbOrTitle(string action, bool expected)
    {
        Assert.Equal(expected, AdaptiveCardRules.IsCancelOrBack(JsonNode.Parse(action)!.AsObject()));
    }

    [Fact]
    public void TemplateMode_AcceptsPlaceholders_ButStillChecksTheStructure()
    {
        var template = Parse("""
            {
              "type": "AdaptiveCard", "version": "1.5",
              "body": [
                { "type": "TextBlock", "$when": "${hasNote}", "text": "${note}", "size": "${size}" },
                { "type": "Container", "$data": "${steps}", "items": [ { "type": "TextBlock", "text": "${text}" } ] },
                { "type": "Input.Text", "id": "x", "label": "${label}", "isRequired": true, "errorMessage": "Needed" }
              ]
            }
            """);

        Assert.Empty(AdaptiveCardRules.Check(template, AdaptiveCardRules.Mode.Template));

        template["body"]![1]!["type"] = "Carousel";
        Assert.Contains(AdaptiveCardRules.Check(template, AdaptiveCardRules.Mode.Template), p => p.Contains("\"Carousel\"", StringComparison.Ordinal));
        Assert.Contains(AdaptiveCardRules.Check(template), p => p.Contains("templating left", StringComparison.Ordinal));
    }

    [Fact]
    public void UnboundExpressions_AreListedWithTheirPaths()
    {
        var card = Parse("""{ "type": "AdaptiveCard", "body": [ { "type": "TextBlock", "text": "Hello ${name}" } ], "$data": "${x}" }""");

        var unbound = AdaptiveCardRules.UnboundExpressions(card).ToList();

        Assert.Contains("$.body[0].text = \"Hello ${name}\"", unbound);
        Assert.Contains("$.$data (a templating key)", unbound);
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>Sets (or, with null, removes) the property at a simple path like <c>$.body[2].choices[0].value</c>.</summary>
    private static void Set(JsonObject card, string path, string? json)
    {
        var parts = path[2..].Replace("[", ".[", StringComparison.Ordinal).Split('.');
        JsonNode node = card;
        foreach (var part in parts[..^1])
        {
            node = part.StartsWith('[') ? node[int.Parse(part[1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node[part]!;
        }

        var last = parts[^1];
        if (last.StartsWith('['))
        {
            node.AsArray()[int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)] = json is null ? null : JsonNode.Parse(json);
        }
        else if (json is null)
        {
            node.AsObject().Remove(last);
        }
        else
        {
            node[last] = JsonNode.Parse(json);
        }
    }
}

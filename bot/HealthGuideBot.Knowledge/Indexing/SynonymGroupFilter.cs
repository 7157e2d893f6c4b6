using System.Collections.Frozen;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace HealthGuideBot.Knowledge.Indexing;

/// <summary>
/// Stacks one group token (<c>syn042</c>) on every occurrence of a synonym-group member, single word or phrase,
/// spanning the phrase's positions and offsets; the original words pass through unchanged. Knowledge sections and
/// questions are short, so the filter reads its input whole and replays it, which keeps it simple and fast
/// (Lucene.Net's FST-based SynonymFilter was about twenty times slower on the knowledge base in a trial).
/// </summary>
internal sealed class SynonymGroupFilter : TokenFilter
{
    public const string SynonymType = "SYNONYM";

    private readonly FrozenDictionary<string, SynonymPhrase[]> _phrasesByFirstWord;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IPositionLengthAttribute _length;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly List<Output> _outputs = [];
    private readonly List<Input> _inputs = [];
    private State? _endState;
    private bool _buffered;
    private int _next;

    public SynonymGroupFilter(TokenStream input, FrozenDictionary<string, SynonymPhrase[]> phrasesByFirstWord)
        : base(input)
    {
        _phrasesByFirstWord = phrasesByFirstWord;
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _length = AddAttribute<IPositionLengthAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public sealed override bool IncrementToken()
    {
        if (!_buffered)
        {
            Buffer();
        }

        if (_next >= _outputs.Count)
        {
            return false;
        }

        // Replayed by setting the attributes directly: capturing and restoring whole states cost more than the
        // rest of the analysis together. Nothing after this filter reads any other attribute.
        var output = _outputs[_next++];
        var input = _inputs[output.Input];
        ClearAttributes();
        if (output.Synonym is { } synonym)
        {
            _term.SetEmpty().Append(synonym.Token);
            _increment.PositionIncrement = 0;
            _length.PositionLength = synonym.Words.Length;
            _offset.SetOffset(input.Start, _inputs[output.Input + synonym.Words.Length - 1].End);
            _type.Type = SynonymType;
        }
        else
        {
            _term.SetEmpty().Append(input.Term);
            _increment.PositionIncrement = input.Increment;
            _length.PositionLength = 1;
            _offset.SetOffset(input.Start, input.End);
            _type.Type = input.Type;
        }

        return true;
    }

    public override void End()
    {
        if (_endState is not null)
        {
            RestoreState(_endState);
        }
        else
        {
            base.End();
        }
    }

    public override void Reset()
    {
        base.Reset();
        _outputs.Clear();
        _inputs.Clear();
        _endState = null;
        _buffered = false;
        _next = 0;
    }

    private void Buffer()
    {
        _buffered = true;
        var words = new List<string>();
        while (m_input.IncrementToken())
        {
            var word = _term.ToString();
            _inputs.Add(new Input(word, _offset.StartOffset, _offset.EndOffset, _increment.PositionIncrement, _type.Type));
            words.Add(word);
        }

        m_input.End();
        _endState = CaptureState();

        for (var i = 0; i < words.Count; i++)
        {
            _outputs.Add(new Output(i, null));
            if (!_phrasesByFirstWord.TryGetValue(words[i], out var candidates))
            {
                continue;
            }

            foreach (var phrase in candidates)
            {
                if (Matches(words, i, phrase.Words))
                {
                    _outputs.Add(new Output(i, phrase));
                }
            }
        }
    }

    private bool Matches(List<string> words, int start, string[] phrase)
    {
        if (start + phrase.Length > words.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            if (!string.Equals(words[start + k], phrase[k], StringComparison.Ordinal)
                || (k > 0 && _inputs[start + k].Increment != 1))
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct Input(string Term, int Start, int End, int Increment, string Type);

    private readonly record struct Output(int Input, SynonymPhrase? Synonym);
}

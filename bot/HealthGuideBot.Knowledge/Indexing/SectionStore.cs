using System.Buffers;
using System.Globalization;
using System.Text;
using HealthGuideBot.Core.Knowledge;
using Microsoft.Win32.SafeHandles;

namespace HealthGuideBot.Knowledge.Indexing;

/// <summary>
/// What a hit shows, kept beside the Lucene index of a generation in one file (<c>sections.dat</c>): each section's
/// document id, anchor, headings, text and ordinal as one uncompressed record, read with a single positional read, and
/// the document metadata, read once at open. Lucene's stored fields decompressed a ~16 KB chunk for every hit (the
/// largest cost of a search after the query itself) and the document entries were a stored-field read each at open.
/// A section's Lucene entry carries its record number as a numeric doc value (<see cref="KnowledgeIndexFields.Slot"/>).
/// </summary>
/// <remarks>
/// Layout: "HGBKSEC1", the section records, the document block (count, records), the offsets block (count, count + 1
/// offsets), and a footer: document block start, offsets block start, "HGBKSEC1". Reads are positional
/// (<see cref="RandomAccess"/>) and thread-safe. The store is reference counted like the Lucene reader beside it, so a
/// search that acquired it before a generation switch finishes its reads after the switch.
/// </remarks>
internal sealed class SectionStore
{
    public const string FileName = "sections.dat";

    private static readonly byte[] Magic = "HGBKSEC1"u8.ToArray();
    private const int FooterLength = 16 + 8;

    private readonly SafeFileHandle _file;
    private readonly long[] _offsets;
    private int _references = 1;

    private SectionStore(SafeFileHandle file, long[] offsets, KnowledgeDocument[] documents)
    {
        _file = file;
        _offsets = offsets;
        Documents = documents;
    }

    /// <summary>The documents in the order they were written.</summary>
    public IReadOnlyList<KnowledgeDocument> Documents { get; }

    public int SectionCount => _offsets.Length - 1;

    /// <summary>Writes the store; returns the number of sections written. Slots are numbered from 0 in write order.</summary>
    public static int Write(string path, IReadOnlyList<KnowledgeDocumentContent> documents, Action<KnowledgeDocument, KnowledgeSection, int> written)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(Magic);
        var offsets = new List<long>();
        foreach (var content in documents)
        {
            foreach (var section in content.Sections)
            {
                offsets.Add(stream.Position);
                writer.Write(content.Document.Id);
                writer.Write(section.Anchor);
                writer.Write(section.HeadingPath.Count);
                foreach (var heading in section.HeadingPath)
                {
                    writer.Write(heading);
                }

                writer.Write(section.Text);
                writer.Write(section.Ordinal);
                writer.Flush();
                written(content.Document, section, offsets.Count - 1);
            }
        }

        offsets.Add(stream.Position);
        var documentBlock = stream.Position;
        writer.Write(documents.Count);
        foreach (var document in documents.Select(content => content.Document))
        {
            writer.Write(document.Id);
            writer.Write(document.Title);
            writer.Write(document.Category.ToString());
            writer.Write(document.Owner);
            writer.Write(document.Reviewed.DayNumber);
            writer.Write(document.NextReview.DayNumber);
            writer.Write(document.ApprovedBy);
            writer.Write(document.Audience);
            writer.Write(document.CallNineNineNineFirst);
            writer.Write(document.SourceFile);
        }

        writer.Flush();
        var offsetBlock = stream.Position;
        writer.Write(offsets.Count - 1);
        foreach (var offset in offsets)
        {
            writer.Write(offset);
        }

        writer.Write(documentBlock);
        writer.Write(offsetBlock);
        writer.Write(Magic);
        writer.Flush();
        stream.Flush(flushToDisk: true);
        return offsets.Count - 1;
    }

    /// <summary>Opens the store of a generation folder: reads the document metadata and the section offsets.</summary>
    /// <exception cref="InvalidDataException">The file is missing or not a section store (an index made by an older version).</exception>
    public static SectionStore Open(string generationFolder)
    {
        var path = Path.Combine(generationFolder, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"The knowledge index '{generationFolder}' has no {FileName}: it was built by an older version; rebuild it.");
        }

        var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        try
        {
            var length = RandomAccess.GetLength(file);
            if (length < Magic.Length + FooterLength)
            {
                throw Corrupt(path);
            }

            var footer = new byte[FooterLength];
            ReadExactly(file, footer, length - FooterLength);
            var documentBlock = BitConverter.ToInt64(footer, 0);
            var offsetBlock = BitConverter.ToInt64(footer, 8);
            if (!footer.AsSpan(16).SequenceEqual(Magic) || documentBlock < Magic.Length || offsetBlock < documentBlock || offsetBlock > length - FooterLength)
            {
                throw Corrupt(path);
            }

            var tail = new byte[length - FooterLength - documentBlock];
            ReadExactly(file, tail, documentBlock);
            using var reader = new BinaryReader(new MemoryStream(tail, writable: false), Encoding.UTF8);
            var documents = new KnowledgeDocument[reader.ReadInt32()];
            for (var i = 0; i < documents.Length; i++)
            {
                documents[i] = new KnowledgeDocument(
                    reader.ReadString(),
                    reader.ReadString(),
                    Enum.Parse<KnowledgeCategory>(reader.ReadString()),
                    reader.ReadString(),
                    DateOnly.FromDayNumber(reader.ReadInt32()),
                    DateOnly.FromDayNumber(reader.ReadInt32()),
                    reader.ReadString(),
                    reader.ReadString(),
                    reader.ReadBoolean(),
                    reader.ReadString());
            }

            reader.BaseStream.Position = offsetBlock - documentBlock;
            var offsets = new long[reader.ReadInt32() + 1];
            for (var i = 0; i < offsets.Length; i++)
            {
                offsets[i] = reader.ReadInt64();
            }

            return new SectionStore(file, offsets, documents);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Takes a reference for the duration of a search; false once the store is closed.</summary>
    public bool TryAcquire()
    {
        while (true)
        {
            var references = Volatile.Read(ref _references);
            if (references <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _references, references + 1, references) == references)
            {
                return true;
            }
        }
    }

    /// <summary>Gives back a reference from <see cref="TryAcquire"/> (or, once, the store's own: closing it).</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            _file.Dispose();
        }
    }

    /// <summary>The section in record <paramref name="slot"/>. The caller holds a reference.</summary>
    public KnowledgeSection Read(int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, SectionCount);
        var start = _offsets[slot];
        var length = checked((int)(_offsets[slot + 1] - start));
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            ReadExactly(_file, buffer.AsSpan(0, length), start);
            using var reader = new BinaryReader(new MemoryStream(buffer, 0, length, writable: false), Encoding.UTF8);
            var documentId = reader.ReadString();
            var anchor = reader.ReadString();
            var headings = new string[reader.ReadInt32()];
            for (var i = 0; i < headings.Length; i++)
            {
                headings[i] = reader.ReadString();
            }

            var text = reader.ReadString();
            var ordinal = reader.ReadInt32();
            return new KnowledgeSection(documentId, anchor, headings, text, ordinal);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void ReadExactly(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        while (buffer.Length > 0)
        {
            var read = RandomAccess.Read(file, buffer, offset);
            if (read <= 0)
            {
                throw new EndOfStreamException("The knowledge section store ended early.");
            }

            buffer = buffer[read..];
            offset += read;
        }
    }

    private static InvalidDataException Corrupt(string path) =>
        new(string.Create(CultureInfo.InvariantCulture, $"'{path}' is not a knowledge section store; rebuild the index."));
}

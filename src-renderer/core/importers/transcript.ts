/**
 * Bridge-call transcripts: WebVTT (`WEBVTT`, cues `00:01:02.500 --> …`, speakers as `<v Name>`)
 * and SRT (numbered cues, `00:01:02,500 --> …`). Either may write the speaker as `Name: text`,
 * which is what Zoom, Teams and Meet put in their exports. Cue times count from the start of the
 * call; the call is taken to start at the incident's start (`startAt`) unless the file says
 * otherwise. Each cue becomes one 'message' event in the channel "Call transcript".
 */
import type { ImportInput } from './byte-source';
import type { DayAnchorOptions } from './day-anchor';
import { ResultCollector } from './event-builder';
import { ImportError } from './import-error';
import type { ParseResult } from './imported-records';
import { type BaseImportOptions, checkpoint, type Importer, type ImportHooks, previewOf, throwIfAborted } from './importer';
import { inputFiles, readTextFile, sniffText } from './input-files';
import { resolveLimits } from './limits';
import { stableHash } from './stable-hash';

export type TranscriptOptions = BaseImportOptions & DayAnchorOptions;

const CUE_TIME = /^((?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3})\s+-->\s+((?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3})/;
const VOICE = /^<v(?:\.[\w.-]+)?\s+([^>]{1,80})>/;
const SPEAKER = /^([^:<>]{1,60}?):\s+(.*)$/s;
const TAG = /<\/?[a-z][^>]*>/gi;

/** Milliseconds of `hh:mm:ss.mmm` or `mm:ss,mmm`. */
function cueMs(value: string): number {
  const [clock = '', fraction = '0'] = value.split(/[.,]/);
  const parts = clock.split(':').map(Number);
  while (parts.length < 3) parts.unshift(0);
  const [h = 0, m = 0, s = 0] = parts;
  return ((h * 60 + m) * 60 + s) * 1000 + Number(fraction.padEnd(3, '0').slice(0, 3));
}

interface Cue {
  startMs: number;
  speaker: string;
  text: string;
  line: number;
  original: string;
}

function readCues(text: string): Cue[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const cues: Cue[] = [];
  for (let i = 0; i < lines.length; i++) {
    const timing = CUE_TIME.exec((lines[i] ?? '').trim());
    if (!timing) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && (lines[j] ?? '').trim() !== ''; j++) body.push(lines[j] ?? '');
    let joined = body.join('\n').trim();
    let speaker = '';
    const voice = VOICE.exec(joined);
    if (voice) speaker = (voice[1] ?? '').trim();
    joined = joined.replace(TAG, '').trim();
    if (!speaker) {
      const named = SPEAKER.exec(joined);
      if (named) {
        speaker = (named[1] ?? '').trim();
        joined = (named[2] ?? '').trim();
      }
    }
    if (joined !== '') cues.push({ startMs: cueMs(timing[1] ?? '0:00.000'), speaker, text: joined, line: i + 1, original: timing[1] ?? '' });
    i = j;
  }
  return cues;
}

async function parseTranscript(input: ImportInput, options: TranscriptOptions, hooks: ImportHooks = {}): Promise<ParseResult> {
  const limits = resolveLimits(options.limits);
  const collector = new ResultCollector('transcript', limits);
  for (const file of inputFiles(input)) {
    throwIfAborted(hooks.signal, file.where);
    const { text, warnings } = await readTextFile(file, limits);
    warnings.forEach((warning) => collector.warn(warning));
    const cues = readCues(text);
    if (cues.length === 0) throw new ImportError('EMPTY', 'no transcript cues found (expected lines like "00:01:02.500 --> 00:01:05.000")', file.where);
    if (options.startAt === undefined) {
      throw new ImportError('BAD_DATE', 'a transcript counts from the start of the call: set the incident start so Debrief knows when the call began', file.where);
    }
    for (const [index, cue] of cues.entries()) {
      if (index % 2000 === 0) await checkpoint(hooks.signal, file.where);
      const actorId = cue.speaker || null;
      if (actorId) collector.addActor(actorId, actorId);
      collector.addEvent(
        {
          kind: 'message',
          originalId: stableHash(`${file.label}\u0000${cue.original}\u0000${cue.speaker}\u0000${cue.text}`),
          at: options.startAt + cue.startMs,
          originalTime: cue.original,
          text: cue.text,
          actorExternalId: actorId,
          actorName: cue.speaker,
          channel: 'Call transcript',
          raw: { line: cue.line, start: cue.original, speaker: cue.speaker, text: cue.text },
        },
        { ...file.where, line: cue.line },
      );
    }
  }
  return collector.result();
}

async function detectTranscript(input: ImportInput): Promise<number> {
  const [file] = inputFiles(input);
  if (!file || input.kind !== 'file') return 0;
  try {
    const head = (await sniffText(file, 16 * 1024)).replace(/^\ufeff/, '');
    if (/^WEBVTT/.test(head)) return 0.95;
    const lines = head.split(/\r?\n/).slice(0, 12).map((line) => line.trim());
    return /^\d+$/.test(lines[0] ?? '') && CUE_TIME.test(lines[1] ?? '') ? 0.9 : 0;
  } catch (error) {
    if (error instanceof ImportError) return 0;
    throw error;
  }
}

export const transcriptImporter: Importer<TranscriptOptions> = {
  id: 'transcript',
  label: 'Call transcript (WebVTT or SRT)',
  detect: detectTranscript,
  preview: (input: ImportInput, options: TranscriptOptions) => previewOf('transcript', parseTranscript(input, options)),
  parse: parseTranscript,
};

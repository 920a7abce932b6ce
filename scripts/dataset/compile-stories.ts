/**
 * Reads and checks the curated stories (data/stories/*.yaml, one story per file) against the compiled dataset
 * they walk through: the story schema (src/domain/story.ts), ids unique across files, and every event, actor and
 * place a step names known to the dataset. Every problem says file, line, story, field and what was expected,
 * like the rest of the build. Pure: the files come in as bytes.
 */
import { DATASET_LIMITS, type Dataset } from '../../src/domain/dataset-schema.ts';
import { StorySchema, type Story } from '../../src/domain/story.ts';
import { findUnknownStoryReferences } from '../../src/domain/story-steps.ts';
import { describeIssue, fieldName, lineIn, type DatasetProblem, type PathSegment } from './compile-dataset.ts';
import { parseStrictYaml, type FileContent } from './strict-input.ts';

export interface StoryFile {
  /** The file's path as messages name it ("data/stories/idlib.yaml"). */
  path: string;
  content: FileContent;
}

export type CompileStoriesResult = { ok: true; stories: Story[] } | { ok: false; problems: DatasetProblem[] };

export function compileStories(files: readonly StoryFile[], dataset: Dataset): CompileStoriesResult {
  const problems: DatasetProblem[] = [];
  const stories: Story[] = [];
  const firstFileOf = new Map<string, string>();
  const refs = {
    events: new Set(dataset.events.map((e) => e.id)),
    actors: new Set(dataset.actors.map((a) => a.id)),
    places: new Set(dataset.places.map((p) => p.id)),
  };
  for (const file of files) {
    const parsed = parseStrictYaml(file.path, file.content, problems);
    if (!parsed) continue;
    const lineOf = (path: PathSegment[]) => lineIn(parsed, path);
    const value: unknown = parsed.value;
    const id = typeof value === 'object' && value !== null && 'id' in value ? (value as { id: unknown }).id : null;
    const record = typeof id === 'string' && id.length <= DATASET_LIMITS.idChars ? `story ${JSON.stringify(id)}` : null;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({
        file: file.path,
        line: 1,
        record: null,
        field: null,
        message: 'expected one story: a YAML mapping with id, title and steps',
      });
      continue;
    }
    const checked = StorySchema.safeParse(value);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
        problems.push({
          file: file.path,
          line: lineOf(path),
          record,
          field: fieldName(issue.path),
          message: describeIssue(issue, value),
        });
      }
      continue;
    }
    const story = checked.data;
    const earlier = firstFileOf.get(story.id);
    if (earlier) {
      problems.push({
        file: file.path,
        line: lineOf(['id']),
        record,
        field: 'id',
        message: `a second story "${story.id}" (the first is in ${earlier}): expected ids unique across data/stories/`,
      });
      continue;
    }
    firstFileOf.set(story.id, file.path);
    const unknown = findUnknownStoryReferences(story, refs);
    for (const p of unknown)
      problems.push({ file: file.path, line: lineOf(p.path), record, field: fieldName(p.path), message: p.message });
    if (unknown.length === 0) stories.push(story);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, stories };
}

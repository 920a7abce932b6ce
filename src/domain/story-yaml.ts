/**
 * A story written in the app, as the YAML file `npm run data` reads from data/stories/ — validated with the same
 * schema first, so what is exported is what the build accepts (unknown event ids are the build's to check: it
 * knows the dataset the story walks through). Loaded on demand: the yaml library and zod are not in the first
 * download.
 */
import { stringify } from 'yaml';
import { StorySchema } from './story.ts';
import { storyOfDraft, type StoryDraft } from './story-draft.ts';

export type StoryExport = { ok: true; fileName: string; text: string } | { ok: false; problems: string[] };

export function exportStoryYaml(draft: StoryDraft): StoryExport {
  const story = storyOfDraft(draft);
  const checked = StorySchema.safeParse(story);
  if (!checked.success)
    return {
      ok: false,
      problems: checked.error.issues.map((issue) => {
        const [, step, ...rest] = issue.path;
        const where =
          issue.path[0] === 'steps' && typeof step === 'number'
            ? `step ${step + 1}${rest.length ? ` (${rest.join('.')})` : ''}`
            : issue.path.join('.') || 'story';
        return `${where}: ${issue.message}`;
      }),
    };
  const header =
    `# A story written in the explorer ("Add this view as a step"). Put it in data/stories/${story.id}.yaml and run\n` +
    `# npm run data: the build checks every event id against the dataset. Format: src/domain/story.ts.\n`;
  return {
    ok: true,
    fileName: `${story.id}.yaml`,
    text: header + stringify(story, { lineWidth: 118, flowCollectionPadding: false }),
  };
}

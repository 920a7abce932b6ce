/**
 * Stories: a guided walk through a dataset, as newsrooms tell one ("how Sochi 2018 led to the March 2020
 * ceasefire"). A story is an ordered list of steps; each step shows a short text, selects its events (one or a
 * set, or none for a step that only frames a region or a period), and frames the views: a timeline window and a
 * map extent, taken from the step's events when the step does not give them, and optionally the filters.
 *
 * Curated stories live in data/stories/*.yaml (one story per file) and are validated by `npm run data` against the
 * dataset they walk through (scripts/dataset/compile-stories.ts); the app reads the built stories.json of a pack
 * with the same schema, loaded on its own (zod stays out of the first download): what steps do is story-steps.ts.
 */
import './zod-in-page.ts';
import { z } from 'zod';
import { DATASET_LIMITS, FIELD_SCHEMAS } from './dataset-schema.ts';
import { EVENT_TYPE_IDS } from './taxonomy.ts';

/** The most steps of one story, and events of one step: a story is read step by step by a person. */
export const STORY_LIMITS = { steps: 100, eventsPerStep: 50, stories: 100 } as const;

const { text, nonEmptyText, slug, isoDay, latitude, longitude } = FIELD_SCHEMAS;

const WindowSchema = z
  .strictObject({ start: isoDay, end: isoDay })
  .refine((w) => w.start <= w.end, { message: 'expected start on or before end', path: ['end'] });

/** A map extent in degrees; west may be east of east for an extent across the antimeridian. */
const ExtentSchema = z
  .strictObject({ south: latitude, west: longitude, north: latitude, east: longitude })
  .refine((e) => e.south <= e.north, { message: 'expected south on or below north', path: ['north'] });

const StepFiltersSchema = z.strictObject({
  actor: z.array(slug).max(STORY_LIMITS.eventsPerStep).optional(),
  place: z.array(slug).max(STORY_LIMITS.eventsPerStep).optional(),
  type: z
    .array(z.enum(EVENT_TYPE_IDS, { error: `expected one of the event types: ${EVENT_TYPE_IDS.join(', ')}` }))
    .optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  q: text(DATASET_LIMITS.titleChars).optional(),
});

export const StoryStepSchema = z
  .strictObject({
    /** A heading for the step ("The Sochi memorandum"); the first event's title when not given. */
    title: nonEmptyText(DATASET_LIMITS.titleChars).optional(),
    text: nonEmptyText(DATASET_LIMITS.summaryChars),
    /** The step's events: the first is selected (its evidence one click away), all are framed. */
    events: z.array(slug).max(STORY_LIMITS.eventsPerStep).default([]),
    window: WindowSchema.optional(),
    extent: ExtentSchema.optional(),
    filters: StepFiltersSchema.optional(),
  })
  .refine((s) => s.events.length > 0 || s.window !== undefined || s.extent !== undefined, {
    message: 'expected at least one of events, window or extent: a step must show something',
  });

export const StorySchema = z.strictObject({
  id: slug,
  title: nonEmptyText(DATASET_LIMITS.titleChars),
  summary: text(DATASET_LIMITS.summaryChars).optional(),
  steps: z
    .array(StoryStepSchema)
    .min(1, 'expected at least one step')
    .max(STORY_LIMITS.steps, { message: `expected at most ${STORY_LIMITS.steps} steps` }),
});

/** The stories of one pack (stories.json). */
export const StoryCollectionSchema = z.strictObject({
  format: z.literal('news-event-stories'),
  version: z.literal(1),
  stories: z.array(StorySchema).max(STORY_LIMITS.stories),
});

export type StoryStep = z.infer<typeof StoryStepSchema>;
export type Story = z.infer<typeof StorySchema>;
export type StoryCollection = z.infer<typeof StoryCollectionSchema>;

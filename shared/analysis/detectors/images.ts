// Detector: image parts in the prompt with short answers (chart or document question answering) —
// a perception task with a fixed answer form (behavior).

import type { Example } from '../parseExample.ts';
import type { ReplyShape } from '../replyForm.ts';
import { cite } from './cite.ts';

export interface ImageSignal {
  /** Examples whose prompt carries at least one image, and the images in all. */
  examples: number;
  images: number;
  /** Replies to those examples, how many are short answers, their mean length and a few of them. */
  replies: number;
  short: number;
  meanWords: number;
  samples: string[];
  lines: number[];
}

export function createImageDetector() {
  let examples = 0;
  let images = 0;
  let replies = 0;
  let short = 0;
  let words = 0;
  const samples: string[] = [];
  const lines: number[] = [];
  return {
    observeExample(ex: Example, line: number): boolean {
      if (ex.images === 0) return false;
      examples += 1;
      images += ex.images;
      cite(lines, line);
      return true;
    },
    observeReply(text: string, shape: ReplyShape): void {
      replies += 1;
      words += shape.words;
      if (shape.form === 'short') {
        short += 1;
        if (samples.length < 3 && !samples.includes(text)) samples.push(text);
      }
    },
    finish(): ImageSignal {
      return { examples, images, replies, short, meanWords: replies ? words / replies : 0, samples, lines };
    },
  };
}

// Every background task of the app, in one list: the worker runs these and nothing else.
// A concern adds its tasks here (one import line); their payload types follow automatically for enqueueJob.
import type { z } from "zod";
import type { TaskDefinition } from "./define";
import { jobsTasks } from "./tasks";
import { notificationTasks } from "../notifications/tasks";
import { moderationTasks } from "../moderation/tasks";
import { balanceTasks } from "../balance/tasks";
import { emailTasks } from "../email/tasks";
import { synthesisTasks } from "../synthesis/tasks";
import { accountTasks } from "../accounts/tasks";

export const TASKS = [...jobsTasks, ...notificationTasks, ...moderationTasks, ...balanceTasks, ...emailTasks, ...synthesisTasks, ...accountTasks] as const satisfies readonly TaskDefinition[];

type AnyTask = (typeof TASKS)[number];
export type TaskName = AnyTask["name"];
/** Payload each task accepts when enqueued (the zod input type of its schema). */
export type TaskPayload<Name extends TaskName> = z.input<Extract<AnyTask, { name: Name }>["payload"]>;

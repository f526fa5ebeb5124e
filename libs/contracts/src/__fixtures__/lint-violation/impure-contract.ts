// A deliberate violation of the pure-library boundary, linted only by
// tools/lint/pure-library-boundaries.unit.spec.ts to prove the rule fires.
import { Injectable } from '@nestjs/common';
import { Entity } from 'typeorm';
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { IsString } from 'class-validator';
import { randomUUID } from 'node:crypto';

export const frameworks = [Injectable, Entity, Kafka, Pool, IsString];
export const stampedAt = Date.now();
export const createdAt = new Date();
export const jitter = Math.random();
export const eventId = randomUUID();
